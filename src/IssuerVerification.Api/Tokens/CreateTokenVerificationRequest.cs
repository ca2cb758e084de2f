using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Api.Tokens;

/// <summary>Ask the issuer to raise a token's trust: bind it to a device or passkey, or verify the cardholder. Give pan or cardId, not both.</summary>
/// <param name="TokenReference">The TSP's reference of the token (1–64 characters: letters, digits, <c>-_.:</c>).</param>
/// <param name="Pan">12–19 digits, Luhn-valid.</param>
/// <param name="CardId">A registered card's id (an unknown one answers 404).</param>
/// <param name="Device">The device to bind (device_binding needs a device or a passkey).</param>
/// <param name="Passkey">The passkey to bind.</param>
/// <param name="Risk">The TSP's risk assessment.</param>
/// <param name="CallbackUrl">https URL the final status is POSTed to as a signed JWS.</param>
public sealed record CreateTokenVerificationRequest(
    TokenRequestType RequestType, Network Network, string TokenReference, TokenRequestorDto TokenRequestor,
    string? Pan = null, Guid? CardId = null, DeviceDto? Device = null, PasskeyDto? Passkey = null, RiskDto? Risk = null,
    string? CallbackUrl = null);

/// <param name="Id">The token requestor id (1–64 characters).</param>
public sealed record TokenRequestorDto(string Id, string? Name = null, string? MerchantId = null);

/// <param name="Id">The device id (1–128 characters).</param>
public sealed record DeviceDto(string Id, string? Name = null, string? Type = null);

/// <param name="CredentialId">The WebAuthn credential id, base64url (1–1024 characters).</param>
public sealed record PasskeyDto(string CredentialId);

/// <param name="Score">0–99, higher is riskier.</param>
/// <param name="RecommendedDecision">The TSP's recommendation.</param>
/// <param name="Reasons">The TSP's reason codes (at most 20, each 1–64 characters), kept for the record only.</param>
public sealed record RiskDto(int? Score = null, RiskRecommendation? RecommendedDecision = null, IReadOnlyList<string>? Reasons = null);
