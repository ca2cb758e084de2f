namespace IssuerVerification.Api.Dcvv2;

/// <param name="TransactionTime">When the transaction happened (default: now).</param>
public sealed record Dcvv2VerifyRequest(string Pan, string Dcvv2, DateTimeOffset? TransactionTime = null);
