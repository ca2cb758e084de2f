using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>Key ceremonies: the running XOR of the components stays wrapped between submissions; clear buffers are zeroed.</summary>
public sealed partial class SoftwareCryptoProvider
{
    public ComponentAdded AddComponent(Guid ceremonyId, KeyAlgorithm algorithm, PartialKey? partial, byte[] component)
    {
        KeySpec.RequireComponent(algorithm, component);
        var running = partial is null ? new byte[component.Length] : OpenPartial(ceremonyId, algorithm, partial);
        try
        {
            KeyMaterial.XorComponent(running, component);
            var count = (partial?.Components ?? 0) + 1;
            var wrapped = KeyWrap.WrapPartial(_current, ceremonyId, algorithm, count, running);
            return new ComponentAdded(new PartialKey(ceremonyId, algorithm, count, wrapped), KeyCheckValue.Of(algorithm, component));
        }
        finally
        {
            Array.Clear(running);
        }
    }

    public KeyHandle CompleteKey(Guid id, string alias, KeyUsage usage, PartialKey partial, bool exportable = false)
    {
        ArgumentNullException.ThrowIfNull(partial);
        KeySpec.RequirePair(usage, partial.Algorithm);
        var key = OpenPartial(partial.CeremonyId, partial.Algorithm, partial);
        KeySpec.RequireStrongCombination(partial.Algorithm, key);
        return Wrap(new KeyHandle(id, alias, usage, partial.Algorithm, "", [], exportable), key);
    }

    private byte[] OpenPartial(Guid ceremonyId, KeyAlgorithm algorithm, PartialKey partial)
    {
        if (partial.CeremonyId != ceremonyId || partial.Algorithm != algorithm)
        {
            throw new CryptoException("The partial key belongs to another ceremony or algorithm.");
        }
        KeyWrap.RequirePartial(partial.Wrapped);

        return Unwrap(partial.Wrapped, masterKey => KeyWrap.TryUnwrapPartial(masterKey, partial),
            "Partial key check failed: it was altered or belongs to another ceremony or step.");
    }
}
