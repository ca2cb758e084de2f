using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>Encrypts data that must be kept but never in clear (stored responses, outbox codes) under their own system key (not the PAN-encryption key).</summary>
public sealed class Sealer(ISealing crypto, KeyRing keys)
{
    public async Task<byte[]> SealAsync(byte[] plaintext, CancellationToken ct) =>
        crypto.Seal(await keys.SystemKeyAsync(KeyUsage.ResponseSealing, ct), plaintext);

    public async Task<byte[]> UnsealAsync(byte[] sealedData, CancellationToken ct) =>
        crypto.Unseal(await keys.SystemKeyAsync(KeyUsage.ResponseSealing, ct), sealedData);
}
