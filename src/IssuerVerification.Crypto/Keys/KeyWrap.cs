using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Keys;

/// <summary>
/// The wrapped-key format: version (1) ‖ master key id (4) ‖ nonce (12) ‖ AES-256-GCM ciphertext ‖
/// tag (16). The associated data binds the header, the key id, the usage and the algorithm, so a
/// blob copied onto another key, usage or algorithm does not unwrap.
/// </summary>
internal static class KeyWrap
{
    public const byte Version = 1;
    private const int HeaderLength = 5;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int Overhead = HeaderLength + NonceLength + TagLength;
    private static readonly byte[] Label = "IssuerVerification key wrap v1"u8.ToArray();

    public static byte[] Wrap(MasterKey masterKey, Guid id, KeyUsage usage, KeyAlgorithm algorithm, ReadOnlySpan<byte> material)
    {
        var wrapped = new byte[Overhead + material.Length];
        wrapped[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(wrapped.AsSpan(1), masterKey.Id);
        var nonce = wrapped.AsSpan(HeaderLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(masterKey.Key, TagLength);
        gcm.Encrypt(nonce, material, wrapped.AsSpan(HeaderLength + NonceLength, material.Length),
            wrapped.AsSpan(^TagLength), AssociatedData(wrapped, id, usage, algorithm));
        return wrapped;
    }

    /// <summary>The master key id in the header; refuses anything that is not a wrapped key.</summary>
    public static uint MasterKeyId(byte[]? wrapped)
    {
        if (wrapped is null || wrapped.Length <= Overhead || wrapped[0] != Version)
        {
            throw new CryptoException("Not a wrapped key of a known format.");
        }

        return BinaryPrimitives.ReadUInt32BigEndian(wrapped.AsSpan(1));
    }

    /// <summary>The key material, or null when the blob does not authenticate under this master key and metadata.</summary>
    public static byte[]? TryUnwrap(MasterKey masterKey, KeyHandle handle)
    {
        var wrapped = handle.Wrapped;
        var material = new byte[wrapped.Length - Overhead];
        try
        {
            using var gcm = new AesGcm(masterKey.Key, TagLength);
            gcm.Decrypt(wrapped.AsSpan(HeaderLength, NonceLength), wrapped.AsSpan(HeaderLength + NonceLength, material.Length),
                wrapped.AsSpan(^TagLength), material, AssociatedData(wrapped, handle.Id, handle.Usage, handle.Algorithm));
            return material;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>label ‖ header ‖ key id (16 bytes, big-endian) ‖ usage name ‖ 0 ‖ algorithm name.</summary>
    private static byte[] AssociatedData(byte[] wrapped, Guid id, KeyUsage usage, KeyAlgorithm algorithm)
    {
        var names = Encoding.ASCII.GetBytes($"{usage}\0{algorithm}");
        var idBytes = new byte[16];
        id.TryWriteBytes(idBytes, bigEndian: true, out _);
        return [.. Label, .. wrapped.AsSpan(0, HeaderLength), .. idBytes, .. names];
    }
}
