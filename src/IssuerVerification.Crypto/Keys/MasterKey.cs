using System.Buffers.Binary;
using System.Security.Cryptography;

namespace IssuerVerification.Crypto.Keys;

/// <summary>
/// An AES-256 master key and its identifier: the first 4 bytes of SHA-256(label ‖ key), stored in
/// every wrapped key so the provider knows which master key to unwrap it with. The key is kept in a
/// pinned array that <see cref="Dispose"/> zeroes; the caller's copy is the caller's to clear.
/// </summary>
internal sealed class MasterKey : IDisposable
{
    public const int Length = 32;
    private static readonly byte[] IdLabel = "IssuerVerification master key id v1"u8.ToArray();

    public MasterKey(byte[] key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (key.Length != Length)
        {
            throw new ArgumentException("A master key is 32 bytes (AES-256).", parameterName);
        }

        Key = GC.AllocateArray<byte>(Length, pinned: true);
        key.CopyTo(Key, 0);
        Span<byte> labelled = stackalloc byte[IdLabel.Length + Length];
        IdLabel.CopyTo(labelled);
        key.CopyTo(labelled[IdLabel.Length..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(labelled, hash);
        CryptographicOperations.ZeroMemory(labelled);
        Id = BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    public byte[] Key { get; }

    public uint Id { get; }

    public void Dispose() => CryptographicOperations.ZeroMemory(Key);
}
