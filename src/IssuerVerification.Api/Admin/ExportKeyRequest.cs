namespace IssuerVerification.Api.Admin;

/// <summary>Export a key as a TR-31 key block.</summary>
/// <param name="KekAlias">The KEK to protect the block: version B under a TDES KEK, D under an AES KEK.</param>
public sealed record ExportKeyRequest(string KekAlias);
