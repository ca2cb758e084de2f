using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// Key ceremonies: between submissions the running XOR of the components is kept encrypted (AES-256-GCM) under a token key
/// made for that alone (<see cref="CeremonyKeyLabel"/>), bound to the ceremony, algorithm and component count; the completed
/// key is created in the token. The XOR itself happens in process, where the clear components arrive anyway.
/// </summary>
public sealed partial class Pkcs11CryptoProvider
{
    public const string CeremonyKeyLabel = "iv:ceremony-partials";
    private const byte PartialFormat = 0x50;

    public ComponentAdded AddComponent(Guid ceremonyId, KeyAlgorithm algorithm, PartialKey? partial, byte[] component)
    {
        KeySpec.RequireComponent(algorithm, component);
        return Run(session =>
        {
            var running = partial is null ? new byte[component.Length] : OpenPartial(session, ceremonyId, algorithm, partial);
            try
            {
                KeyMaterial.XorComponent(running, component);
                var count = (partial?.Components ?? 0) + 1;
                var wrapped = GcmEnvelope.Seal(CeremonyGcm(session), PartialFormat, running, Binding(ceremonyId, algorithm, count));
                return new ComponentAdded(new PartialKey(ceremonyId, algorithm, count, wrapped), KeyCheckValue.Of(algorithm, component));
            }
            finally
            {
                Array.Clear(running);
            }
        });
    }

    public KeyHandle CompleteKey(Guid id, string alias, KeyUsage usage, PartialKey partial, bool exportable = false)
    {
        ArgumentNullException.ThrowIfNull(partial);
        KeySpec.RequirePair(usage, partial.Algorithm);
        return Run(session =>
        {
            var key = OpenPartial(session, partial.CeremonyId, partial.Algorithm, partial);
            try
            {
                KeySpec.RequireStrongCombination(partial.Algorithm, key);
                return Created(session, new KeyHandle(id, alias, usage, partial.Algorithm, "", [], exportable), key);
            }
            finally
            {
                Array.Clear(key);
            }
        });
    }

    private static byte[] OpenPartial(ISession session, Guid ceremonyId, KeyAlgorithm algorithm, PartialKey partial)
    {
        if (partial.CeremonyId != ceremonyId || partial.Algorithm != algorithm)
        {
            throw new CryptoException("The partial key belongs to another ceremony or algorithm.");
        }
        if (partial.Wrapped is not [PartialFormat, ..])
        {
            throw new CryptoException("Not a wrapped partial key.");
        }
        try
        {
            return GcmEnvelope.Open(CeremonyGcm(session), PartialFormat, partial.Wrapped, Binding(ceremonyId, algorithm, partial.Components));
        }
        catch (CryptoException)
        {
            throw new CryptoException("Partial key check failed: it was altered or belongs to another ceremony or step.");
        }
    }

    /// <summary>ceremony id (16 bytes, big-endian) ‖ algorithm ‖ component count.</summary>
    private static byte[] Binding(Guid ceremonyId, KeyAlgorithm algorithm, int components)
    {
        var binding = new byte[18];
        ceremonyId.TryWriteBytes(binding, bigEndian: true, out _);
        binding[16] = (byte)algorithm;
        binding[17] = checked((byte)components);
        return binding;
    }

    /// <summary>The token's AES key for partial keys, generated the first time a ceremony needs it.</summary>
    private static TokenGcm CeremonyGcm(ISession session)
    {
        using var scope = TokenObjects.Catalogue.EnterScope();
        var found = session.FindAllObjects(Templates.Find(CeremonyKeyLabel, CKO.CKO_SECRET_KEY));
        var key = found.Count > 0 ? found[0]
            : session.GenerateKey(Mechanisms.AesKeyGen, Templates.SecretKey(CeremonyKeyLabel, CeremonyKeyLabel, CKK.CKK_AES, [CKA.CKA_ENCRYPT, CKA.CKA_DECRYPT], null, 32));
        return new TokenGcm(session, key);
    }
}
