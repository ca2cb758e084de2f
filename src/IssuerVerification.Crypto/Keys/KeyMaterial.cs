using System.Security.Cryptography;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Keys;

/// <summary>Clear key material: generated at random, or combined from 1–3 components by XOR; never all zeros, and never single DES when generated (<see cref="WeakKeys"/>).</summary>
internal static class KeyMaterial
{
    public static byte[] Generate(KeyAlgorithm algorithm)
    {
        if (algorithm == KeyAlgorithm.EcP256)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return ecdsa.ExportPkcs8PrivateKey();
        }

        var key = RandomNumberGenerator.GetBytes(KeySpec.GeneratedLength(algorithm));
        if (KeySpec.IsTdes(algorithm))
        {
            Parity.AdjustOdd(key);
        }

        if (WeakKeys.Weakness(algorithm, key) is not null)
        {
            Array.Clear(key);
            return Generate(algorithm);
        }

        return key;
    }

    public static byte[] Combine(KeyAlgorithm algorithm, IReadOnlyList<byte[]> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (algorithm == KeyAlgorithm.EcP256)
        {
            throw new CryptoException("EC signing keys cannot be imported; generate them.");
        }

        if (components.Count is < 1 or > 3)
        {
            throw new CryptoException("A key is imported from 1 to 3 components.");
        }

        var length = components[0]?.Length ?? 0;
        foreach (var component in components)
        {
            if (component is null || component.Length != length || !KeySpec.LengthFits(algorithm, component.Length))
            {
                throw new CryptoException($"Every {algorithm} component must be {KeySpec.LengthRule(algorithm)}, all of the same length.");
            }
        }

        var key = new byte[length];
        foreach (var component in components)
        {
            for (var i = 0; i < length; i++)
            {
                key[i] ^= component[i];
            }
        }

        // The API refuses weak components first (equal halves too); this guard holds for every other caller.
        // Equal TDES halves are not refused here: published test vectors and the demo CVK are single DES.
        if (WeakKeys.IsZero(algorithm, key))
        {
            Array.Clear(key);
            throw new CryptoException("The combined key is all zeros; check the components.");
        }

        return key;
    }

    /// <summary>XORs a ceremony's next component into its running key; every component has the first one's length.</summary>
    public static void XorComponent(byte[] running, byte[] component)
    {
        if (running.Length != component.Length)
        {
            throw new CryptoException($"Every component of this ceremony must be {running.Length} bytes.");
        }
        for (var i = 0; i < running.Length; i++)
        {
            running[i] ^= component[i];
        }
    }
}
