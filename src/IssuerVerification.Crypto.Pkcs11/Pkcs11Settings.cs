namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>Where the token is and how to log in (docs/crypto-provider.md, "The PKCS#11 provider").</summary>
/// <param name="ModulePath">The PKCS#11 module (a shared library, e.g. /usr/lib/softhsm/libsofthsm2.so).</param>
/// <param name="TokenLabel">The token's label; or null to use <paramref name="SlotId"/>.</param>
/// <param name="SlotId">The slot id, used when no label is given.</param>
/// <param name="UserPin">The user PIN (read from a secret, never from appsettings).</param>
/// <param name="MaxSessions">Upper bound of the session pool; the token's own maximum wins when lower.</param>
public sealed record Pkcs11Settings(string ModulePath, string? TokenLabel, ulong? SlotId, string UserPin, int MaxSessions = 16);
