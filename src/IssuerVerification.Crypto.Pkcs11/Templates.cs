using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using Net.Pkcs11Interop.HighLevelAPI.Factories;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// Attribute templates. Every key is private and sensitive, extractable (wrappable) only when created exportable, and may do only the operations named for
/// it (every other usage attribute is set false, not left to the token's default).
/// </summary>
internal static class Templates
{
    /// <summary>DER of the P-256 curve OID 1.2.840.10045.3.1.7.</summary>
    public static readonly byte[] P256 = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];
    private static readonly IObjectAttributeFactory Attributes = new Pkcs11InteropFactories().ObjectAttributeFactory;
    private static readonly CKA[] Usages = [CKA.CKA_ENCRYPT, CKA.CKA_DECRYPT, CKA.CKA_SIGN, CKA.CKA_VERIFY, CKA.CKA_WRAP, CKA.CKA_UNWRAP, CKA.CKA_DERIVE];

    /// <summary>
    /// A secret key kept in the token under <paramref name="label"/>, with its <paramref name="value"/> (import), the
    /// <paramref name="length"/> to generate, or neither (derived: the mechanism sets the value). An exportable key is
    /// <paramref name="extractable"/>: still sensitive (its value is never read), but the token may wrap it (for a key block).
    /// </summary>
    public static List<IObjectAttribute> SecretKey(string label, string alias, CKK type, CKA[] allowed, byte[]? value, ulong length = 0, bool extractable = false)
    {
        List<IObjectAttribute> template =
        [
            Attributes.Create(CKA.CKA_ID, Id(alias)),
            Attributes.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY),
            Attributes.Create(CKA.CKA_KEY_TYPE, type),
            Attributes.Create(CKA.CKA_TOKEN, true),
            Attributes.Create(CKA.CKA_PRIVATE, true),
            Attributes.Create(CKA.CKA_SENSITIVE, true),
            Attributes.Create(CKA.CKA_EXTRACTABLE, extractable),
            Attributes.Create(CKA.CKA_LABEL, label),
            .. Usages.Select(usage => Attributes.Create(usage, allowed.Contains(usage))),
        ];
        if (value is not null)
        {
            template.Add(Attributes.Create(CKA.CKA_VALUE, value));
        }
        else if (length > 0)
        {
            template.Add(Attributes.Create(CKA.CKA_VALUE_LEN, length));
        }
        return template;
    }

    /// <summary>A session key derived in the token: readable only when it is a check value (<paramref name="readable"/>).</summary>
    public static List<IObjectAttribute> Derived(CKK type, CKA[] allowed, bool readable = false, ulong? length = null)
    {
        List<IObjectAttribute> template =
        [
            Attributes.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY),
            Attributes.Create(CKA.CKA_KEY_TYPE, type),
            Attributes.Create(CKA.CKA_TOKEN, false),
            Attributes.Create(CKA.CKA_SENSITIVE, !readable),
            Attributes.Create(CKA.CKA_EXTRACTABLE, readable),
            .. Usages.Select(usage => Attributes.Create(usage, allowed.Contains(usage))),
        ];
        if (length is { } bytes)
        {
            template.Add(Attributes.Create(CKA.CKA_VALUE_LEN, bytes));
        }
        return template;
    }

    public static List<IObjectAttribute> EcPublic(string label, string alias) =>
    [
        Attributes.Create(CKA.CKA_ID, Id(alias)),
        Attributes.Create(CKA.CKA_TOKEN, true),
        Attributes.Create(CKA.CKA_PRIVATE, false),
        Attributes.Create(CKA.CKA_LABEL, label),
        Attributes.Create(CKA.CKA_EC_PARAMS, P256),
        Attributes.Create(CKA.CKA_VERIFY, true),
        Attributes.Create(CKA.CKA_ENCRYPT, false),
        Attributes.Create(CKA.CKA_WRAP, false),
        Attributes.Create(CKA.CKA_DERIVE, false),
    ];

    public static List<IObjectAttribute> EcPrivate(string label, string alias) =>
    [
        Attributes.Create(CKA.CKA_ID, Id(alias)),
        Attributes.Create(CKA.CKA_TOKEN, true),
        Attributes.Create(CKA.CKA_PRIVATE, true),
        Attributes.Create(CKA.CKA_SENSITIVE, true),
        Attributes.Create(CKA.CKA_EXTRACTABLE, false),
        Attributes.Create(CKA.CKA_LABEL, label),
        Attributes.Create(CKA.CKA_SIGN, true),
        Attributes.Create(CKA.CKA_DECRYPT, false),
        Attributes.Create(CKA.CKA_UNWRAP, false),
        Attributes.Create(CKA.CKA_DERIVE, false),
    ];

    /// <summary>A P-256 key pair moved in from the software provider: the public point (DER OCTET STRING) and the private scalar.</summary>
    public static List<IObjectAttribute> EcPublicValue(string label, string alias, byte[] point) =>
        [Attributes.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY), Attributes.Create(CKA.CKA_KEY_TYPE, CKK.CKK_EC), Attributes.Create(CKA.CKA_EC_POINT, point), .. EcPublic(label, alias)];

    public static List<IObjectAttribute> EcPrivateValue(string label, string alias, byte[] scalar) =>
    [
        Attributes.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY), Attributes.Create(CKA.CKA_KEY_TYPE, CKK.CKK_EC),
        Attributes.Create(CKA.CKA_EC_PARAMS, P256), Attributes.Create(CKA.CKA_VALUE, scalar), .. EcPrivate(label, alias),
    ];

    /// <summary>Search template: token objects (not session copies) of <paramref name="objectClass"/> with exactly this label (and this key alias).</summary>
    public static List<IObjectAttribute> Find(string label, CKO objectClass, string? alias = null)
    {
        List<IObjectAttribute> template = [Attributes.Create(CKA.CKA_TOKEN, true), Attributes.Create(CKA.CKA_LABEL, label), Attributes.Create(CKA.CKA_CLASS, objectClass)];
        if (alias is not null)
        {
            template.Add(Attributes.Create(CKA.CKA_ID, Id(alias)));
        }
        return template;
    }

    /// <summary>CKA_ID holds the key's alias: the label names id and usage, the id binds the alias, the KCV check the rest.</summary>
    private static byte[] Id(string alias) => System.Text.Encoding.UTF8.GetBytes(alias);
}
