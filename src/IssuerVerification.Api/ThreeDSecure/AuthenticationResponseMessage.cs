using System.Text.Json.Serialization;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>
/// The ARes. Optional elements are absent, not null, when they do not apply: <c>transStatusReason</c> only on N, U and R;
/// <c>eci</c> on a final status; <c>authenticationValue</c> on Y and A; <c>acsURL</c> (browser), <c>acsChallengeMandated</c>
/// and <c>authenticationType</c> on C.
/// </summary>
public sealed record AuthenticationResponseMessage(
    string MessageType,
    string MessageVersion,
    string ThreeDSServerTransID,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DsTransID,
    Guid AcsTransID,
    string TransStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TransStatusReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Eci,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AuthenticationValue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AcsURL,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AcsChallengeMandated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AuthenticationType,
    bool Authenticated,
    bool LiabilityShift);

/// <summary>The EMV Erro message a bad AReq's problem carries in its <c>erro</c> member.</summary>
/// <param name="ErrorCode">102 unsupported messageVersion, 201 a required element missing, 203 an element badly formatted.</param>
/// <param name="ErrorDetail">The elements concerned, comma-separated.</param>
public sealed record ErrorMessage(
    string MessageType, string? MessageVersion, string? ThreeDSServerTransID, string ErrorCode, string ErrorComponent,
    string ErrorDescription, string ErrorDetail, string ErrorMessageType);
