using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Keys;

/// <summary>The key lengths each algorithm accepts; which algorithm a usage takes is the domain's table (<see cref="KeyUsages"/>).</summary>
internal static class KeySpec
{
    public static void RequirePair(KeyUsage usage, KeyAlgorithm algorithm)
    {
        if (!KeyUsages.Fits(usage, algorithm))
        {
            throw new CryptoException($"A {usage} key must be {string.Join(" or ", KeyUsages.AlgorithmsOf(usage))}, not {algorithm}.");
        }
    }

    public static bool LengthFits(KeyAlgorithm algorithm, int length) => algorithm switch
    {
        KeyAlgorithm.HmacSha1 => length is >= 16 and <= 64,
        KeyAlgorithm.EcP256 => false,
        _ => length == KeyUsages.KeyLength(algorithm),
    };

    public static string LengthRule(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.HmacSha1 => "16 to 64 bytes",
        _ => $"{KeyUsages.KeyLength(algorithm)} bytes",
    };

    public static int GeneratedLength(KeyAlgorithm algorithm) => algorithm == KeyAlgorithm.HmacSha1 ? 20 : KeyUsages.KeyLength(algorithm);

    public static bool IsTdes(KeyAlgorithm algorithm) => algorithm is KeyAlgorithm.Tdes2Key or KeyAlgorithm.Tdes3Key;
}
