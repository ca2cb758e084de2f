using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>Sealing of stored data other than PANs: AES-256-GCM, layout format (2) ‖ nonce (12) ‖ ciphertext ‖ tag (16).</summary>
public sealed partial class SoftwareCryptoProvider
{
    public byte[] Seal(KeyHandle key, ReadOnlySpan<byte> plaintext) =>
        GcmEnvelope.Seal(Use(key, "sealing data", KeyUsage.PanEncryption).Material, GcmEnvelope.SealedFormat, plaintext);

    public byte[] Unseal(KeyHandle key, byte[] sealedData) =>
        GcmEnvelope.Open(Use(key, "sealing data", KeyUsage.PanEncryption).Material, GcmEnvelope.SealedFormat, sealedData);
}
