using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Api.Dcvv2;

/// <summary>Ask for dynamic CVV2 values for a card: give its PAN or its card id, not both.</summary>
/// <param name="Pan">12–19 digits, Luhn-valid.</param>
/// <param name="CardId">A registered card's id.</param>
/// <param name="Count">How many consecutive windows, 1–24, starting with the current one.</param>
public sealed record Dcvv2GenerateRequest(int Count, string? Pan = null, Guid? CardId = null);

/// <param name="Dcvv2">3 digits.</param>
/// <param name="ValidFrom">Start of the window (inclusive).</param>
/// <param name="ValidUntil">End of the window (exclusive).</param>
public sealed record Dcvv2ValueDto(string Dcvv2, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);

/// <param name="Values">In window order; the first is the current window.</param>
public sealed record Dcvv2GenerateResponse(string MaskedPan, int WindowMinutes, IReadOnlyList<Dcvv2ValueDto> Values);

/// <param name="TransactionTime">When the transaction happened (default: now).</param>
public sealed record Dcvv2VerifyRequest(string Pan, string Dcvv2, DateTimeOffset? TransactionTime = null);

/// <param name="ValidFrom">On a match: the start of the window the value belongs to.</param>
/// <param name="ValidUntil">On a match: the end of that window (exclusive).</param>
public sealed record Dcvv2VerifyResponse(VerificationOutcome Result, MismatchReason? Reason, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);
