using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IssuerVerification.Testing;

/// <summary>
/// A key wrapped in format 1, written here by hand (as the service wrote keys before format 2): 01 ‖ master key id ‖
/// nonce ‖ AES-256-GCM(material) ‖ tag, bound to the key id, usage and algorithm only.
/// </summary>
public static class LegacyKeyWrap
{
    public static byte[] Wrap(byte[] masterKey, Guid id, string usage, string algorithm, byte[] material)
    {
        var header = new byte[5];
        header[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1),
            BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. "IssuerVerification master key id v1"u8, .. masterKey])));
        var idBytes = new byte[16];
        id.TryWriteBytes(idBytes, bigEndian: true, out _);
        byte[] associated = [.. "IssuerVerification key wrap v1"u8, .. header, .. idBytes, .. Encoding.ASCII.GetBytes($"{usage}\0{algorithm}")];
        var nonce = RandomNumberGenerator.GetBytes(12);
        var (ciphertext, tag) = (new byte[material.Length], new byte[16]);
        using var gcm = new AesGcm(masterKey, 16);
        gcm.Encrypt(nonce, material, ciphertext, tag, associated);
        return [.. header, .. nonce, .. ciphertext, .. tag];
    }
}
