using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Tokens;

/// <summary>A merchant's or TSP's request to raise a token's trust; exactly one of <see cref="Pan"/> and <see cref="CardId"/>.</summary>
public sealed record TokenVerificationRequest(
    TokenRequestType RequestType, Network Network, string TokenReference, Pan? Pan, Guid? CardId,
    string RequestorId, string? RequestorName, string? MerchantId,
    string? DeviceId, string? DeviceName, string? DeviceType, string? PasskeyCredentialId,
    int? RiskScore, RiskRecommendation? Recommendation, string? CallbackUrl);
