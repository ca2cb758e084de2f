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
    private static readonly byte[] Fingerprint = SHA256.HashData("this card"u8);

    [Fact]
    public void Pan_encryption_round_trips_with_a_fresh_nonce()
    {
        var key = Generate(KeyUsage.PanEncryption);
        var first = Provider.EncryptPan(key, Pan, Fingerprint);
        var second = Provider.EncryptPan(key, Pan, Fingerprint);
        Assert.NotEqual(first, second);
        Assert.Equal(Pan, Provider.DecryptPan(key, first, Fingerprint));
        Assert.Equal(Pan, Provider.DecryptPan(key, second, Fingerprint));
        Assert.DoesNotContain(Encoding.ASCII.GetString(first), Pan, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_encrypted_pan_is_refused()
    {
        var key = Generate(KeyUsage.PanEncryption);
        var encrypted = Provider.EncryptPan(key, Pan, Fingerprint);
        for (var i = 0; i < encrypted.Length; i++)
        {
            var tampered = encrypted.ToArray();
            tampered[i] ^= 0x80;
            Assert.Throws<CryptoException>(() => Provider.DecryptPan(key, tampered, Fingerprint));
        }

        Assert.Throws<CryptoException>(() => Provider.DecryptPan(Generate(KeyUsage.PanEncryption), encrypted, Fingerprint));
        Assert.Throws<CryptoException>(() => Provider.DecryptPan(key, encrypted[..^1], Fingerprint));
    }

    [Fact]
    public void An_encrypted_pan_and_sealed_contacts_open_only_under_their_cards_fingerprint()
    {
        var key = Generate(KeyUsage.PanEncryption);
        var other = SHA256.HashData("another card"u8);
        var error = Assert.Throws<CryptoException>(() => Provider.DecryptPan(key, Provider.EncryptPan(key, Pan, Fingerprint), other));
        Assert.Contains("another card", error.Message);
        var contacts = Provider.SealCardholder(key, "+15555550100\nsarah@example.com"u8, Fingerprint);
        Assert.Equal("+15555550100\nsarah@example.com"u8.ToArray(), Provider.OpenCardholder(key, contacts, Fingerprint));
        Assert.Throws<CryptoException>(() => Provider.OpenCardholder(key, contacts, other));
        // Neither opens as the other, and a fingerprint must be one.
        Assert.Throws<CryptoException>(() => Provider.DecryptPan(key, Provider.SealCardholder(key, Encoding.ASCII.GetBytes(Pan), Fingerprint), Fingerprint));
        Assert.Throws<CryptoException>(() => Provider.OpenCardholder(key, Provider.EncryptPan(key, Pan, Fingerprint), Fingerprint));
        Assert.Throws<CryptoException>(() => Provider.EncryptPan(key, Pan, []));
        Assert.Throws<CryptoException>(() => Provider.SealCardholder(Generate(KeyUsage.ResponseSealing), "x"u8, Fingerprint));
    }

    [Fact]
    public void A_pan_encrypted_before_the_binding_still_opens_for_the_upgrade()
    {
        var material = RandomNumberGenerator.GetBytes(32);
        var key = Provider.ImportKey(Guid.NewGuid(), "pan-encryption", KeyUsage.PanEncryption, KeyAlgorithm.Aes256, [material.ToArray()]);
        var unbound = Algorithms.GcmEnvelope.Seal(material, Algorithms.GcmEnvelope.UnboundPanFormat, Encoding.ASCII.GetBytes(Pan));
        Assert.Equal(Pan, Provider.DecryptPan(key, unbound, Fingerprint)); // the caller checks it against the fingerprint
        unbound[^1] ^= 1;
        Assert.Throws<CryptoException>(() => Provider.DecryptPan(key, unbound, Fingerprint));
    }

    [Fact]
    public void Sealed_data_round_trips_and_is_not_an_encrypted_pan()
    {
        var key = Generate(KeyUsage.ResponseSealing);
        var panKey = Generate(KeyUsage.PanEncryption);
        var sealedData = Provider.Seal(key, "{\"code\":\"123456\"}"u8);
        Assert.Equal("{\"code\":\"123456\"}"u8.ToArray(), Provider.Unseal(key, sealedData));
        Assert.Throws<CryptoException>(() => Provider.DecryptPan(key, Provider.Seal(key, Encoding.ASCII.GetBytes(Pan)), Fingerprint));
        Assert.Throws<CryptoException>(() => Provider.Seal(panKey, [1, 2, 3]));
        Assert.Throws<CryptoException>(() => Provider.EncryptPan(key, Pan, Fingerprint));
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
