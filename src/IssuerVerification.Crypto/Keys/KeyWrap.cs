using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Keys;

/// <summary>
/// The wrapped-key formats: format (1) ‖ master key id (4) ‖ nonce (12) ‖ AES-256-GCM ciphertext ‖ tag (16). The
/// associated data is the format's label, the header and a binding: format 2 (current) binds the key id, alias, usage,
/// algorithm, KCV and exportability; format 1 (legacy, still unwrapped, upgraded by a re-wrap) binds the id, usage and algorithm; a
/// ceremony's partial key binds the ceremony id, algorithm and component count. A blob copied onto another key, alias,
/// usage, algorithm, KCV, ceremony or step does not unwrap.
/// </summary>
internal static class KeyWrap
{
    public const byte Legacy = 1;
    public const byte Current = 2;
    public const byte Partial = 0x50;
    private const int HeaderLength = 5;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int Overhead = HeaderLength + NonceLength + TagLength;

    public static byte[] WrapKey(MasterKey masterKey, KeyHandle metadata, ReadOnlySpan<byte> material) =>
        Wrap(masterKey, Current, KeyBinding(Current, metadata), material);

    public static byte[] WrapPartial(MasterKey masterKey, Guid ceremonyId, KeyAlgorithm algorithm, int components, ReadOnlySpan<byte> material) =>
        Wrap(masterKey, Partial, PartialBinding(ceremonyId, algorithm, components), material);

    /// <summary>The format byte of a wrapped key (never a partial key's); refuses anything else.</summary>
    public static byte KeyFormat(byte[]? wrapped)
    {
        if (wrapped is null || wrapped.Length <= Overhead || wrapped[0] is not (Legacy or Current))
        {
            throw new CryptoException("Not a wrapped key of a known format.");
        }

        return wrapped[0];
    }

    /// <summary>The master key id in the header of a wrapped key or partial key.</summary>
    public static uint MasterKeyId(byte[] wrapped) => BinaryPrimitives.ReadUInt32BigEndian(wrapped.AsSpan(1));

    /// <summary>The key material, or null when the blob does not authenticate under this master key and metadata.</summary>
    /// <remarks>The legacy format predates exportability: an exportable handle never unwraps from it.</remarks>
    public static byte[]? TryUnwrapKey(MasterKey masterKey, KeyHandle handle) =>
        KeyFormat(handle.Wrapped) == Legacy && handle.Exportable
            ? null
            : TryUnwrap(masterKey, handle.Wrapped, KeyBinding(KeyFormat(handle.Wrapped), handle));

    public static void RequirePartial(byte[]? wrapped)
    {
        if (wrapped is not { Length: > Overhead } || wrapped[0] != Partial)
        {
            throw new CryptoException("Not a wrapped partial key.");
        }
    }

    public static byte[]? TryUnwrapPartial(MasterKey masterKey, PartialKey partial) =>
        TryUnwrap(masterKey, partial.Wrapped, PartialBinding(partial.CeremonyId, partial.Algorithm, partial.Components));

    private static byte[] Wrap(MasterKey masterKey, byte format, byte[] binding, ReadOnlySpan<byte> material)
    {
        var wrapped = new byte[Overhead + material.Length];
        wrapped[0] = format;
        BinaryPrimitives.WriteUInt32BigEndian(wrapped.AsSpan(1), masterKey.Id);
        var nonce = wrapped.AsSpan(HeaderLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(masterKey.Key, TagLength);
        gcm.Encrypt(nonce, material, wrapped.AsSpan(HeaderLength + NonceLength, material.Length),
            wrapped.AsSpan(^TagLength), AssociatedData(wrapped, binding));
        return wrapped;
    }

    private static byte[]? TryUnwrap(MasterKey masterKey, byte[] wrapped, byte[] binding)
    {
        var material = new byte[wrapped.Length - Overhead];
        try
        {
            using var gcm = new AesGcm(masterKey.Key, TagLength);
            gcm.Decrypt(wrapped.AsSpan(HeaderLength, NonceLength), wrapped.AsSpan(HeaderLength + NonceLength, material.Length),
                wrapped.AsSpan(^TagLength), material, AssociatedData(wrapped, binding));
            return material;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>label ‖ header ‖ binding; the label names the format.</summary>
    private static byte[] AssociatedData(byte[] wrapped, byte[] binding) =>
        [.. Label(wrapped[0]), .. wrapped.AsSpan(0, HeaderLength), .. binding];

    private static byte[] Label(byte format) => format switch
    {
        Legacy => "IssuerVerification key wrap v1"u8.ToArray(),
        Current => "IssuerVerification key wrap v2"u8.ToArray(),
        _ => "IssuerVerification ceremony partial key v1"u8.ToArray(),
    };

    /// <summary>
    /// Format 1: key id (16 bytes, big-endian) ‖ usage name ‖ 0 ‖ algorithm name. Format 2: key id ‖ then alias, usage
    /// name, algorithm name and KCV, each as a 2-byte big-endian length and its UTF-8 bytes, and for an exportable key
    /// the field "exportable" (absent otherwise, so every key wrapped before exportability existed unwraps unchanged).
    /// </summary>
    private static byte[] KeyBinding(byte format, KeyHandle handle) => format == Legacy
        ? [.. Id(handle.Id), .. Encoding.ASCII.GetBytes($"{handle.Usage}\0{handle.Algorithm}")]
        : [.. Id(handle.Id), .. Field(handle.Alias), .. Field(handle.Usage.ToString()), .. Field(handle.Algorithm.ToString()), .. Field(handle.Kcv),
            .. (handle.Exportable ? Field("exportable") : [])];

    /// <summary>ceremony id ‖ algorithm name (length-prefixed) ‖ component count (4 bytes, big-endian).</summary>
    private static byte[] PartialBinding(Guid ceremonyId, KeyAlgorithm algorithm, int components)
    {
        var count = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(count, components);
        return [.. Id(ceremonyId), .. Field(algorithm.ToString()), .. count];
    }

    private static byte[] Id(Guid id)
    {
        var bytes = new byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    private static byte[] Field(string? value)
    {
        var bytes = Encoding.UTF8.GetBytes(value ?? "");
        var field = new byte[2 + bytes.Length];
        BinaryPrimitives.WriteUInt16BigEndian(field, checked((ushort)bytes.Length));
        bytes.CopyTo(field, 2);
        return field;
    }
}
