using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// The Visa CVV method (§1), shared by CVV1/CVV2/iCVV, CAVV output, dCVV and dCVV2. The PAN is used
/// as given (decimal digits, or hex digits for the dCVV data PAN); callers validate the inputs.
/// </summary>
internal static class CvvMethod
{
    [ThreadStatic] private static byte[]? t_block;
    [ThreadStatic] private static byte[]? t_second;

    /// <summary>Writes the first <c>destination.Length</c> decimalized digits (1–16).</summary>
    public static void Compute(
        ITdesKey key, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode,
        Span<char> destination, CvvTrace? trace = null)
    {
        if (pan.Length + expiry.Length + serviceCode.Length > 32)
        {
            throw new CryptoException("CVV data is longer than 32 digits.");
        }

        Span<char> data = stackalloc char[32];
        data.Fill('0');
        pan.CopyTo(data);
        expiry.CopyTo(data[pan.Length..]);
        serviceCode.CopyTo(data[(pan.Length + expiry.Length)..]);

        var block = t_block ??= new byte[8];
        var second = t_second ??= new byte[8];
        DigitPacking.Pack(data[..16], block);
        DigitPacking.Pack(data[16..], second);

        key.EncryptA(block);
        Record(block, trace?.R1);
        for (var i = 0; i < 8; i++)
        {
            block[i] ^= second[i];
        }

        Record(block, trace?.R2);
        key.Encrypt(block);
        Record(block, trace?.R3);
        Decimalization.Decimalize(block, destination);
    }

    private static void Record(byte[] block, byte[]? target)
    {
        if (target is not null)
        {
            block.CopyTo(target, 0);
        }
    }
}
