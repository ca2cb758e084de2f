namespace IssuerVerification.Crypto.Algorithms;

/// <summary>DES key parity (§0): sets bit 0 of each byte so the byte has an odd number of 1 bits.</summary>
internal static class Parity
{
    public static void AdjustOdd(Span<byte> key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var high = key[i] & 0xFE;
            key[i] = (byte)(high | ((System.Numerics.BitOperations.PopCount((uint)high) & 1) ^ 1));
        }
    }
}
