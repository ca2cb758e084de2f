namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// One step of an authentication's message trace (AReq, ARes, CReq, CRes, Result): its data elements as sent or answered,
/// the PAN masked, no personal data, never a code or an authentication value.
/// </summary>
public sealed record ThreeDsMessage(string Type, DateTime At, IReadOnlyDictionary<string, string?> Fields);
