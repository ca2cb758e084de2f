using System.Buffers.Binary;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>Mastercard CVC3 and IVCVC3 (§3) with the card key KD_CVC3.</summary>
internal static class Cvc3Algorithm
{
    [ThreadStatic] private static byte[]? t_block;

    /// <summary>Rightmost 2 bytes of the retail MAC over the static track image.</summary>
    public static ushort Ivcvc3(ITdesKey cardKey, ReadOnlySpan<byte> staticTrack)
    {
        Span<byte> mac = stackalloc byte[8];
        Iso9797Mac3.Compute(cardKey, staticTrack, mac);
        return BinaryPrimitives.ReadUInt16BigEndian(mac[6..]);
    }

    /// <summary>Rightmost 2 bytes of TDES(IVCVC3 ‖ UN ‖ ATC) as an unsigned integer.</summary>
    public static ushort Compute(ITdesKey cardKey, ushort ivcvc3, uint unpredictableNumber, ushort atc)
    {
        var block = t_block ??= new byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(block, ivcvc3);
        BinaryPrimitives.WriteUInt32BigEndian(block.AsSpan(2), unpredictableNumber);
        BinaryPrimitives.WriteUInt16BigEndian(block.AsSpan(6), atc);
        cardKey.Encrypt(block);
        return BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(6));
    }

    /// <summary>Writes the value as 5 decimal digits with leading zeros.</summary>
    public static void Format(ushort cvc3, Span<char> fiveDigits)
    {
        int value = cvc3;
        for (var i = 4; i >= 0; i--)
        {
            fiveDigits[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
