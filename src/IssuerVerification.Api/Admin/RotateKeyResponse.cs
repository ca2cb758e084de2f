namespace IssuerVerification.Api.Admin;

/// <param name="ApiKey">The new key, shown once: only its hash is stored.</param>
/// <param name="PreviousKeyValidUntil">When the replaced key stops working (now, for a grace of 0).</param>
public sealed record RotateKeyResponse(Guid Id, string Name, IReadOnlyList<string> Scopes, string ApiKey, DateTime PreviousKeyValidUntil);
