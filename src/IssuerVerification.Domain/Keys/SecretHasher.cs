using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>
/// Hashes data that holds a secret (an API key, a request body with a PAN or a value) under the SecretHashing system key,
/// so a database dump alone cannot confirm a guess: an unkeyed hash of a PAN falls to a search of its few unknown digits.
/// </summary>
public sealed class SecretHasher(ISealing crypto, KeyRing keys)
{
    public async Task<byte[]> HashAsync(byte[] data, CancellationToken ct) =>
        crypto.SecretHash(await keys.SystemKeyAsync(KeyUsage.SecretHashing, ct), data);
}
