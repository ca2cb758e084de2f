namespace IssuerVerification.Api.Admin;

/// <summary>Give a client a new API key.</summary>
/// <param name="GraceMinutes">How long the current key keeps working, 0–1440 minutes (0: it stops at once).</param>
public sealed record RotateKeyRequest(int GraceMinutes);
