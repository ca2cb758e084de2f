using System.Text;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// What the store keeps of a token key in <see cref="KeyHandle.Wrapped"/>: a format byte and the object label, never key
/// bytes. The label names the key's usage and id, so a handle whose usage was changed in the store finds no object.
/// </summary>
internal static class TokenLabels
{
    public const byte Format = 0x11;

    public static string Of(KeyHandle key) => Of(key.Usage, key.Id);

    public static string Of(KeyUsage usage, Guid id) => $"iv:{usage}:{id:N}";

    /// <summary>The two single-DES halves of a key used by the CVV method.</summary>
    public static string Half(string label, char half) => $"{label}/{half}";

    /// <summary>A TDES KEK's legacy TR-31 variant KBPK ⊕ mask.</summary>
    public static string Variant(string label, byte mask) => $"{label}/{mask:X2}";

    public static byte[] Reference(string label) => [Format, .. Encoding.UTF8.GetBytes(label)];

    public static bool IsReference(byte[]? wrapped) => wrapped is [Format, _, ..];

    /// <summary>The label a handle refers to; refuses a handle that is not this key's reference.</summary>
    public static string Require(KeyHandle key)
    {
        var label = Of(key);
        if (key.Wrapped is null || !key.Wrapped.AsSpan().SequenceEqual(Reference(label)))
        {
            throw new CryptoException($"Key '{key.Alias}' is not a key of this token (its reference does not name its id and usage).");
        }
        return label;
    }
}
