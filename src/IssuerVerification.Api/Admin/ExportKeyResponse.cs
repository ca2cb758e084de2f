namespace IssuerVerification.Api.Admin;

/// <summary>An exported key.</summary>
/// <param name="KeyBlock">The TR-31 key block holding the key under the KEK.</param>
/// <param name="Kcv">The key's check value, for the receiving HSM to compare.</param>
public sealed record ExportKeyResponse(string KeyBlock, string Kcv);
