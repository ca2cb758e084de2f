namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// ISO/IEC 9797-1 MAC algorithm 3 (retail MAC) with padding method 2 (§3): h_i = DES_A(h_{i-1} XOR x_i),
/// MAC = DES_A(DES⁻¹_B(h_last)).
/// </summary>
internal static class Iso9797Mac3
{
    [ThreadStatic] private static byte[]? t_block;

    public static void Compute(ITdesKey key, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        var h = t_block ??= new byte[8];
        Array.Clear(h);
        var paddedLength = ((data.Length / 8) + 1) * 8;
        for (var position = 0; position < paddedLength; position++)
        {
            h[position & 7] ^= PaddedByte(data, position);
            if ((position & 7) == 7)
            {
                key.EncryptA(h);
            }
        }

        key.DecryptB(h);
        key.EncryptA(h);
        h.CopyTo(mac);
    }

    private static byte PaddedByte(ReadOnlySpan<byte> data, int position) =>
        position < data.Length ? data[position] : position == data.Length ? (byte)0x80 : (byte)0;
}
