using System.Security.Cryptography;
using System.Text;

namespace IssuerVerification.Api.Auth;

/// <summary>API keys: 256 random bits, stored only as SHA-256 hashes (a high-entropy key needs no slow hash).</summary>
public static class ApiKeys
{
    public static string NewKey() => "ivk_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
