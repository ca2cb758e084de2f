using System.Text;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Keys;

/// <summary>
/// A key moving between providers (<see cref="IKeyTransfer"/>): AES-256-GCM under the transfer KEK, the associated data
/// binding id, usage, algorithm, exportability, KCV and alias, so an envelope opens only as the key it was made for.
/// </summary>
internal static class TransferEnvelope
{
    private const byte Format = 0x54;

    public static byte[] Seal(IGcm kek, KeyHandle key, byte[] material) => GcmEnvelope.Seal(kek, Format, material, Binding(key));

    public static byte[] Open(IGcm kek, KeyHandle key, byte[] envelope)
    {
        try
        {
            return GcmEnvelope.Open(kek, Format, envelope, Binding(key));
        }
        catch (CryptoException)
        {
            throw new CryptoException($"The transfer envelope of key '{key.Alias}' does not open under this transfer KEK as that key.");
        }
    }

    /// <summary>The transfer KEK: a KEK, and AES-256 (GCM).</summary>
    public static void RequireKek(KeyHandle kek)
    {
        ArgumentNullException.ThrowIfNull(kek);
        if (kek.Usage != KeyUsage.Kek || kek.Algorithm != KeyAlgorithm.Aes256)
        {
            throw new CryptoException("A transfer KEK is an AES-256 KEK.");
        }
    }

    /// <summary>The check every receiving provider makes: the key it now holds has the KCV the store knows.</summary>
    public static void RequireSameKcv(KeyHandle expected, KeyHandle received)
    {
        if (expected.Kcv != received.Kcv)
        {
            throw new CryptoException($"Key '{expected.Alias}' arrived with KCV {received.Kcv}, not its stored {expected.Kcv}; it is not moved.");
        }
    }

    private static byte[] Binding(KeyHandle key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var binding = new byte[19];
        key.Id.TryWriteBytes(binding, bigEndian: true, out _);
        binding[16] = (byte)key.Usage;
        binding[17] = (byte)key.Algorithm;
        binding[18] = key.Exportable ? (byte)1 : (byte)0;
        return [.. binding, .. Encoding.ASCII.GetBytes(key.Kcv + "\0"), .. Encoding.UTF8.GetBytes(key.Alias)];
    }
}
