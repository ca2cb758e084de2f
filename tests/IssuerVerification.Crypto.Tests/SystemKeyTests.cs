using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>PAN fingerprint, PAN encryption, sealing and ES256 signing.</summary>
public sealed class SystemKeyTests
{
    private const string Pan = "4123456789012345";
    private static readonly SoftwareCryptoProvider Provider = TestKeys.Provider;

    [Fact]
    public void Pan_encryption_round_trips_with_a_fresh_nonce()
    {
        var key = Generate(KeyUsage.PanEncryption);
        var first = Provider.EncryptPan(key, Pan);
        var second = Provider.EncryptPan(key, Pan);
        Assert.NotEqual(first, second);
        Assert.Equal(Pan, Provider.DecryptPan(key, first));
        Assert.Equal(Pan, Provider.DecryptPan(key, second));
        Assert.DoesNotContain(Encoding.ASCII.GetString(first), Pan, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_encrypted_pan_is_refused()
    {
        var key = Generate(KeyUsage.PanEncryption);
        var encrypted = Provider.EncryptPan(key, Pan);
        for (var i = 0; i < encrypted.Length; i++)
        {
            var tampered = encrypted.ToArray();
            tampered[i] ^= 0x80;
            Assert.Throws<CryptoException>(() => Provider.DecryptPan(key, tampered));
        }

        Assert.Throws<CryptoException>(() => Provider.DecryptPan(Generate(KeyUsage.PanEncryption), encrypted));
        Assert.Throws<CryptoException>(() => Provider.DecryptPan(key, encrypted[..^1]));
    }

    [Fact]
    public void Sealed_data_round_trips_and_is_not_an_encrypted_pan()
    {
        var key = Generate(KeyUsage.ResponseSealing);
        var panKey = Generate(KeyUsage.PanEncryption);
        var sealedData = Provider.Seal(key, "{\"code\":\"123456\"}"u8);
        Assert.Equal("{\"code\":\"123456\"}"u8.ToArray(), Provider.Unseal(key, sealedData));
        Assert.Throws<CryptoException>(() => Provider.DecryptPan(key, Provider.Seal(key, Encoding.ASCII.GetBytes(Pan))));
        Assert.Throws<CryptoException>(() => Provider.Seal(panKey, [1, 2, 3]));
        Assert.Throws<CryptoException>(() => Provider.EncryptPan(key, Pan));
        sealedData[^1] ^= 1;
        Assert.Throws<CryptoException>(() => Provider.Unseal(key, sealedData));
    }

    [Fact]
    public void Secret_hash_is_hmac_sha256_under_its_own_system_key()
    {
        var material = RandomNumberGenerator.GetBytes(32);
        var key = TestKeys.Import(KeyUsage.SecretHashing, material);
        Assert.Equal(HMACSHA256.HashData(material, "secret"u8), Provider.SecretHash(key, "secret"u8));
        Assert.Throws<CryptoException>(() => Provider.SecretHash(Generate(KeyUsage.PanFingerprint), "secret"u8));
    }

    [Fact]
    public void Fingerprint_is_deterministic_and_depends_on_key_and_pan()
    {
        var key = Generate(KeyUsage.PanFingerprint);
        var fingerprint = Provider.PanFingerprint(key, Pan);
        Assert.Equal(32, fingerprint.Length);
        Assert.Equal(fingerprint, Provider.PanFingerprint(key, Pan));
        Assert.NotEqual(fingerprint, Provider.PanFingerprint(Generate(KeyUsage.PanFingerprint), Pan));
        Assert.NotEqual(fingerprint, Provider.PanFingerprint(key, "4123456789012346"));

        var material = RandomNumberGenerator.GetBytes(32);
        var imported = Provider.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.PanFingerprint, KeyAlgorithm.HmacSha256, [material]);
        Assert.Equal(HMACSHA256.HashData(material, Encoding.ASCII.GetBytes(Pan)), Provider.PanFingerprint(imported, Pan));
    }

    [Fact]
    public void Jws_verifies_with_the_published_jwk()
    {
        var key = Generate(KeyUsage.ResultSigning);
        var jwk = Provider.PublicJwk(key);
        Assert.Equal(("EC", "P-256", "ES256", "sig"), (jwk["kty"], jwk["crv"], jwk["alg"], jwk["use"]));

        var jws = Provider.SignJws(key, "{\"transStatus\":\"Y\"}"u8);
        var parts = jws.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(jwk["kid"], header.RootElement.GetProperty("kid").GetString());
        Assert.Equal("{\"transStatus\":\"Y\"}"u8.ToArray(), Base64Url.DecodeFromChars(parts[1]));

        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk["x"]), Y = Base64Url.DecodeFromChars(jwk["y"]) },
        });
        var signature = Base64Url.DecodeFromChars(parts[2]);
        Assert.Equal(64, signature.Length);
        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Assert.True(verifier.VerifyData(signingInput, signature, HashAlgorithmName.SHA256));
        signingInput[^1] ^= 1;
        Assert.False(verifier.VerifyData(signingInput, signature, HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Kid_is_the_rfc7638_thumbprint()
    {
        var jwk = Provider.PublicJwk(Generate(KeyUsage.ResultSigning));
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{jwk["x"]}}","y":"{{jwk["y"]}}"}""";
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), jwk["kid"]);
    }

    private static KeyHandle Generate(KeyUsage usage) => Provider.GenerateKey(Guid.NewGuid(), "test-key", usage, KeyUsages.AlgorithmOf(usage));
}
