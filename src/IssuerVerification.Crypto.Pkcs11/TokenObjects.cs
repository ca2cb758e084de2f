using System.Security.Cryptography;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Crypto.Signing;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// The token objects of each kind of key (docs/crypto-provider.md, "Keys in the token"):
/// a CVV-method key (CVK, dCVV2, CAVV) as its DES halves, A encrypt-only and B decrypt-only; a KEK as one key that may
/// encrypt, decrypt and sign (<see cref="KeyExchange"/>), with, for a TDES KEK entered in clear parts, its two legacy TR-31
/// variants; an issuer master key as one
/// double-length key that may only derive card keys; HMAC keys as generic secrets that may only sign; AES keys that may only
/// encrypt and decrypt; a P-256 key pair whose private key may only sign.
/// </summary>
internal static class TokenObjects
{
    private static readonly CKA[] EncryptOnly = [CKA.CKA_ENCRYPT];
    private static readonly CKA[] DecryptOnly = [CKA.CKA_DECRYPT];
    private static readonly CKA[] DeriveOnly = [CKA.CKA_DERIVE];
    private static readonly CKA[] SignOnly = [CKA.CKA_SIGN];
    private static readonly CKA[] EncryptDecrypt = [CKA.CKA_ENCRYPT, CKA.CKA_DECRYPT];
    /// <summary>A KEK encrypts (its KCV), decrypts (TDES-ECB cryptograms) and signs (the CMACs that derive TR-31 block keys).</summary>
    private static readonly CKA[] KeyExchange = [CKA.CKA_ENCRYPT, CKA.CKA_DECRYPT, CKA.CKA_SIGN];
    private const int HmacSha1MinimumKey = 20;

    /// <summary>
    /// Held while token objects are created, searched or destroyed. SoftHSM2 2.6.1 (Debian's) can fail an object created
    /// while another thread of the process creates or searches (CKR_GENERAL_ERROR; softhsm/SoftHSMv2#573, fixed later), and two
    /// threads must not both create the same ceremony key. Only key management and a key's first use on a connection take
    /// it, always with a session already held, so it never waits on the session pool.
    /// </summary>
    public static readonly Lock Catalogue = new();

    public static bool IsIssuerMasterKey(KeyUsage usage) => usage is KeyUsage.ImkCvc3 or KeyUsage.ImkDcvv;

    /// <summary>A key of the CVV method (CVK, dCVV2, CAVV): held as its two DES halves.</summary>
    private static bool IsSplit(KeyHandle key) => key.Algorithm == KeyAlgorithm.Tdes2Key && !IsIssuerMasterKey(key.Usage) && key.Usage != KeyUsage.Kek;

    private static CKK KekType(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Tdes2Key => CKK.CKK_DES2,
        KeyAlgorithm.Tdes3Key => CKK.CKK_DES3,
        _ => CKK.CKK_AES,
    };

    /// <summary>Creates the objects of <paramref name="key"/> from its clear material and answers them (no search: SoftHSM2 searches linearly).</summary>
    public static TokenKey Import(ISession session, string label, KeyHandle key, byte[] material, int generation) => key.Algorithm switch
    {
        _ when key.Usage == KeyUsage.Kek => Kek(session, label, key, material, generation),
        KeyAlgorithm.Tdes2Key when IsIssuerMasterKey(key.Usage) =>
            Secret(key, generation, session.CreateObject(Templates.SecretKey(label, key.Alias, CKK.CKK_DES2, DeriveOnly, material, 0, key.Exportable))),
        KeyAlgorithm.Tdes2Key => new TokenKey(key, generation,
            session.CreateObject(Templates.SecretKey(TokenLabels.Half(label, 'A'), key.Alias, CKK.CKK_DES3, EncryptOnly, DesHalf.Tripled(material.AsSpan(0, 8)), 0, key.Exportable)),
            session.CreateObject(Templates.SecretKey(TokenLabels.Half(label, 'B'), key.Alias, CKK.CKK_DES3, DecryptOnly, DesHalf.Tripled(material.AsSpan(8)), 0, key.Exportable)), null),
        KeyAlgorithm.HmacSha1 or KeyAlgorithm.HmacSha256 =>
            Secret(key, generation, session.CreateObject(Templates.SecretKey(label, key.Alias, CKK.CKK_GENERIC_SECRET, SignOnly, HmacKey(key.Algorithm, material), 0, key.Exportable))),
        KeyAlgorithm.Aes256 => Secret(key, generation, session.CreateObject(Templates.SecretKey(label, key.Alias, CKK.CKK_AES, EncryptDecrypt, material, 0, key.Exportable))),
        _ => ImportSigningKey(session, label, key, material, generation),
    };

    /// <summary>
    /// A KEK, and for a TDES one its legacy TR-31 variants KBPK ⊕ 45… (decrypt only) and KBPK ⊕ 4D… (encrypt only: the
    /// CBC-MAC), made from the clear material while the provider has it: a token cannot compute them from the KEK later.
    /// </summary>
    private static TokenKey Kek(ISession session, string label, KeyHandle key, byte[] material, int generation)
    {
        var kek = Secret(key, generation, session.CreateObject(Templates.SecretKey(label, key.Alias, KekType(key.Algorithm), KeyExchange, material, 0, key.Exportable)));
        if (key.Algorithm != KeyAlgorithm.Aes256)
        {
            foreach (var (mask, usage) in new[] { (Tr31Variants.EncryptionMask, DecryptOnly), (Tr31Variants.MacMask, EncryptOnly) })
            {
                var variant = Tr31Variants.Of(material, mask);
                try
                {
                    session.CreateObject(Templates.SecretKey(TokenLabels.Variant(label, mask), key.Alias, KekType(key.Algorithm), usage, variant));
                }
                finally
                {
                    Array.Clear(variant);
                }
            }
        }
        return kek;
    }

    /// <summary>A TDES KEK's legacy variant; null for a KEK generated in the token, whose clear value never existed to make it from.</summary>
    public static IObjectHandle? Variant(ISession session, KeyHandle kek, byte mask)
    {
        using var scope = Catalogue.EnterScope();
        var found = session.FindAllObjects(Templates.Find(TokenLabels.Variant(TokenLabels.Of(kek), mask), CKO.CKO_SECRET_KEY, kek.Alias));
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>A P-256 key pair from its PKCS#8 private key: only a move from the software provider brings one (the API generates them).</summary>
    private static TokenKey ImportSigningKey(ISession session, string label, KeyHandle key, byte[] pkcs8, int generation)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
        try
        {
            byte[] point = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
            session.CreateObject(Templates.EcPublicValue(label, key.Alias, [0x04, (byte)point.Length, .. point]));
            return new TokenKey(key, generation, session.CreateObject(Templates.EcPrivateValue(label, key.Alias, parameters.D!)), null, PublicKey([0x04, (byte)point.Length, .. point]));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>Generates the objects of <paramref name="key"/> inside the token and answers them.</summary>
    public static TokenKey Generate(ISession session, string label, KeyHandle key, int generation)
    {
        switch (key.Algorithm)
        {
            case var algorithm when key.Usage == KeyUsage.Kek:
                var mechanism = algorithm switch { KeyAlgorithm.Tdes2Key => Mechanisms.Des2KeyGen, KeyAlgorithm.Tdes3Key => Mechanisms.Des3KeyGen, _ => Mechanisms.AesKeyGen };
                return Secret(key, generation, session.GenerateKey(mechanism,
                    Templates.SecretKey(label, key.Alias, KekType(algorithm), KeyExchange, null, algorithm == KeyAlgorithm.Aes256 ? 32u : 0, key.Exportable)));
            case KeyAlgorithm.Tdes2Key when IsIssuerMasterKey(key.Usage):
                return Secret(key, generation, session.GenerateKey(Mechanisms.Des2KeyGen, Templates.SecretKey(label, key.Alias, CKK.CKK_DES2, DeriveOnly, null, 0, key.Exportable)));
            case KeyAlgorithm.Tdes2Key:
                var (a, b) = GenerateHalves(session, label, key);
                return new TokenKey(key, generation, a, b, null);
            case KeyAlgorithm.HmacSha1 or KeyAlgorithm.HmacSha256:
                return Secret(key, generation, session.GenerateKey(Mechanisms.GenericKeyGen,
                    Templates.SecretKey(label, key.Alias, CKK.CKK_GENERIC_SECRET, SignOnly, null, (ulong)KeySpec.GeneratedLength(key.Algorithm), key.Exportable)));
            case KeyAlgorithm.Aes256:
                return Secret(key, generation, session.GenerateKey(Mechanisms.AesKeyGen, Templates.SecretKey(label, key.Alias, CKK.CKK_AES, EncryptDecrypt, null, 32, key.Exportable)));
            default:
                session.GenerateKeyPair(Mechanisms.EcKeyPairGen, Templates.EcPublic(label, key.Alias), Templates.EcPrivate(label, key.Alias), out var publicKey, out var privateKey);
                return new TokenKey(key, generation, privateKey, null, PublicKey(session.GetAttributeValue(publicKey, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray()));
        }
    }

    private static TokenKey Secret(KeyHandle key, int generation, IObjectHandle handle) => new(key, generation, handle, null, null);

    /// <summary>
    /// Random halves made inside the token: a throwaway double-length seed key G (derive-only, session), then each half
    /// K = TDES_G(R) for a random block R, derived as K‖K‖K from R‖R‖R. Equal halves (single DES) have a chance of 2^-64.
    /// </summary>
    private static (IObjectHandle A, IObjectHandle B) GenerateHalves(ISession session, string label, KeyHandle key)
    {
        var seed = session.GenerateKey(Mechanisms.Des2KeyGen, Templates.Derived(CKK.CKK_DES2, DeriveOnly));
        try
        {
            IObjectHandle Half(char half, CKA[] usage)
            {
                using var mechanism = Mechanisms.Des3EncryptData(DesHalf.Tripled(RandomNumberGenerator.GetBytes(8)));
                return session.DeriveKey(mechanism, seed, Templates.SecretKey(TokenLabels.Half(label, half), key.Alias, CKK.CKK_DES3, usage, null, 0, key.Exportable));
            }

            return (Half('A', EncryptOnly), Half('B', DecryptOnly));
        }
        finally
        {
            session.DestroyObject(seed);
        }
    }

    /// <summary>
    /// HMAC pads a key shorter than the hash's block with zeros, so a short HMAC-SHA1 key (16–19 bytes, allowed by the
    /// AAV) padded to the 20 bytes SoftHSM2 requires gives the same MACs and the same KCV.
    /// </summary>
    private static byte[] HmacKey(KeyAlgorithm algorithm, byte[] material) =>
        algorithm == KeyAlgorithm.HmacSha1 && material.Length < HmacSha1MinimumKey ? [.. material, .. new byte[HmacSha1MinimumKey - material.Length]] : material;

    public static TokenKey Find(ISession session, string label, KeyHandle key, int generation)
    {
        if (IsSplit(key))
        {
            return new TokenKey(key, generation, One(session, TokenLabels.Half(label, 'A'), CKO.CKO_SECRET_KEY, key),
                One(session, TokenLabels.Half(label, 'B'), CKO.CKO_SECRET_KEY, key), null);
        }
        if (key.Algorithm == KeyAlgorithm.EcP256)
        {
            var point = session.GetAttributeValue(One(session, label, CKO.CKO_PUBLIC_KEY, key), [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
            return new TokenKey(key, generation, One(session, label, CKO.CKO_PRIVATE_KEY, key), null, PublicKey(point));
        }
        return new TokenKey(key, generation, One(session, label, CKO.CKO_SECRET_KEY, key), null, null);
    }

    private static IObjectHandle One(ISession session, string label, CKO objectClass, KeyHandle key)
    {
        using var scope = Catalogue.EnterScope();
        var found = session.FindAllObjects(Templates.Find(label, objectClass, key.Alias));
        return found.Count switch
        {
            1 => found[0],
            0 => throw new CryptoException($"Key '{key.Alias}' ({key.Usage}, id {key.Id}) is not in the token: no object labelled '{label}' for that alias."),
            _ => throw new CryptoException($"The token holds {found.Count} objects labelled '{label}'; a key must be one object."),
        };
    }

    /// <summary>CKA_EC_POINT is the uncompressed point 04 ‖ X ‖ Y, DER-wrapped as an OCTET STRING (04 41 …) by most tokens.</summary>
    private static EcPublicKey PublicKey(byte[] point)
    {
        var raw = point is [0x04, 0x41, 0x04, ..] && point.Length == 67 ? point[2..] : point;
        return raw is [0x04, ..] && raw.Length == 65
            ? new EcPublicKey(raw[1..33], raw[33..])
            : throw new CryptoException("The token's public key is not an uncompressed P-256 point.");
    }

    /// <summary>The KCV of <see cref="KeyCheckValue"/>, computed by the token from the key's objects.</summary>
    public static string CheckValue(ISession session, TokenKey key) => key.Handle.Algorithm switch
    {
        KeyAlgorithm.Tdes2Key or KeyAlgorithm.Tdes3Key when key.Handle.Usage == KeyUsage.Kek =>
            Convert.ToHexString(session.Encrypt(Mechanisms.Des3Ecb, key.Main, new byte[8]), 0, 3),
        KeyAlgorithm.Tdes2Key when IsIssuerMasterKey(key.Handle.Usage) => IssuerMasterKeyCheckValue(session, key),
        KeyAlgorithm.Tdes2Key => KeyCheckValue.Tdes(new TokenTdes(session, key.Main, key.Second!), 3),
        KeyAlgorithm.HmacSha1 => Convert.ToHexString(session.Sign(Mechanisms.HmacSha1, key.Main, new byte[8]), 0, 3),
        KeyAlgorithm.HmacSha256 => Convert.ToHexString(session.Sign(Mechanisms.HmacSha256, key.Main, new byte[8]), 0, 3),
        KeyAlgorithm.Aes256 => AesCmacOfZeros(session, key.Main),
        _ => key.Public!.CheckValue(),
    };

    /// <summary>
    /// An issuer master key may only derive: its KCV TDES_IMK(0…0) is derived as a readable 8-byte secret, read and destroyed.
    /// </summary>
    private static string IssuerMasterKeyCheckValue(ISession session, TokenKey key)
    {
        using var mechanism = Mechanisms.Des3EncryptData(new byte[8]);
        var derived = session.DeriveKey(mechanism, key.Main, Templates.Derived(CKK.CKK_GENERIC_SECRET, [], readable: true, length: 8));
        try
        {
            return Convert.ToHexString(session.GetAttributeValue(derived, [CKA.CKA_VALUE])[0].GetValueAsByteArray(), 0, 3);
        }
        finally
        {
            session.DestroyObject(derived);
        }
    }

    /// <summary>AES-CMAC of one zero block: L = AES(0), K1 = L·x in GF(2^128), T = AES(0 ⊕ K1) (RFC 4493).</summary>
    private static string AesCmacOfZeros(ISession session, IObjectHandle key)
    {
        var l = session.Encrypt(Mechanisms.AesEcb, key, new byte[16]);
        var k1 = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            k1[i] = (byte)((l[i] << 1) | (i < 15 ? l[i + 1] >> 7 : 0));
        }
        if ((l[0] & 0x80) != 0)
        {
            k1[15] ^= 0x87;
        }
        var tag = session.Encrypt(Mechanisms.AesEcb, key, k1);
        CryptographicOperations.ZeroMemory(l);
        return Convert.ToHexString(tag, 0, 3);
    }

    /// <summary>
    /// The clear value of an exportable key, for the TR-31 block the provider builds around it: each object is wrapped
    /// (AES key wrap, RFC 3394) under a one-time AES session key, which is read, used to unwrap, and destroyed; the clear
    /// value lives only in the provider until the caller zeroes it. SoftHSM2 has no mechanism that builds or MACs a key
    /// block around a key's value inside the token (docs/crypto-provider.md, "Key exchange in the token").
    /// </summary>
    public static byte[] Extract(ISession session, TokenKey key)
    {
        if (!IsSplit(key.Handle))
        {
            return WrapOut(session, key.Main);
        }
        var a = WrapOut(session, key.Main);
        var b = WrapOut(session, key.Second!);
        try
        {
            return [.. a.AsSpan(0, 8), .. b.AsSpan(0, 8)];
        }
        finally
        {
            Array.Clear(a);
            Array.Clear(b);
        }
    }

    private static byte[] WrapOut(ISession session, IObjectHandle key)
    {
        var transport = session.GenerateKey(Mechanisms.AesKeyGen, Templates.Derived(CKK.CKK_AES, [CKA.CKA_WRAP], readable: true, length: 32));
        try
        {
            var wrapped = session.WrapKey(Mechanisms.AesKeyWrap, transport, key);
            var transportKey = session.GetAttributeValue(transport, [CKA.CKA_VALUE])[0].GetValueAsByteArray();
            try
            {
                var engine = new AesWrapEngine();
                engine.Init(false, new KeyParameter(transportKey));
                return engine.Unwrap(wrapped, 0, wrapped.Length);
            }
            finally
            {
                Array.Clear(transportKey);
            }
        }
        finally
        {
            session.DestroyObject(transport);
        }
    }

    /// <summary>Whether the token lets a secret key be wrapped: its exportability, bound to the object.</summary>
    public static bool IsExtractable(ISession session, TokenKey key) =>
        key.Public is null && session.GetAttributeValue(key.Main, [CKA.CKA_EXTRACTABLE])[0].GetValueAsBool();

    /// <summary>Removes every object of a key (after a failed creation).</summary>
    public static void Destroy(ISession session, string label)
    {
        using var scope = Catalogue.EnterScope();
        foreach (var name in new[] { label, TokenLabels.Half(label, 'A'), TokenLabels.Half(label, 'B'),
            TokenLabels.Variant(label, Tr31Variants.EncryptionMask), TokenLabels.Variant(label, Tr31Variants.MacMask) })
        {
            foreach (var objectClass in new[] { CKO.CKO_SECRET_KEY, CKO.CKO_PRIVATE_KEY, CKO.CKO_PUBLIC_KEY })
            {
                session.FindAllObjects(Templates.Find(name, objectClass)).ForEach(session.DestroyObject);
            }
        }
    }
}
