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

    /// <summary>One custodian's component: the algorithm's length, never all zeros.</summary>
    public static void RequireComponent(KeyAlgorithm algorithm, byte[] component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (algorithm == KeyAlgorithm.EcP256 || !LengthFits(algorithm, component.Length))
        {
            throw new CryptoException($"A {algorithm} component must be {LengthRule(algorithm)}.");
        }
        if (WeakKeys.IsZero(algorithm, component))
        {
            throw new WeakKeyException("A component may not be all zeros.");
        }
    }

    /// <summary>A ceremony's combined key may not be weak; a weak <paramref name="key"/> is zeroed before the refusal.</summary>
    public static void RequireStrongCombination(KeyAlgorithm algorithm, byte[] key)
    {
        var weakness = WeakKeys.IsZero(algorithm, key) ? "The components XOR to zero." : WeakKeys.Weakness(algorithm, key);
        if (weakness is not null)
        {
            Array.Clear(key);
            throw new WeakKeyException(weakness);
        }
    }
}
