using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>Comparison of a recomputed value with a submitted one, in time independent of where they differ.</summary>
internal static class ConstantTime
{
    public static bool DigitsEqual(ReadOnlySpan<char> expected, ReadOnlySpan<char> actual) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(actual));
}
