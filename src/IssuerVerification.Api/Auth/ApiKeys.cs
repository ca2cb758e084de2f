using System.Security.Cryptography;
using System.Text;

namespace IssuerVerification.Api.Auth;

/// <summary>
/// API keys: 256 random bits, stored only as keyed hashes (<see cref="Domain.Keys.SecretHasher"/>; a high-entropy key needs
/// no slow hash, and a configured key, such as the bootstrap admin's, may not be high-entropy).
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "ivk_";

    public static string NewKey() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Bytes(string key) => Encoding.UTF8.GetBytes(key);

    /// <summary>The unkeyed SHA-256 that databases made before keyed hashes hold; upgraded on the key's first use.</summary>
    public static byte[] LegacyHash(string key) => SHA256.HashData(Bytes(key));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
