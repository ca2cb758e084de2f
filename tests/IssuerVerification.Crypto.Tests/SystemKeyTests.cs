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
    private static readonly byte[] Fingerprint = SHA256.HashData("this card"u8);

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Pan_encryption_round_trips_with_a_fresh_nonce(string provider)
    {
        var crypto = TestKeys.For(provider);
        var key = Generate(crypto, KeyUsage.PanEncryption);
        var first = crypto.EncryptPan(key, Pan, Fingerprint);
        var second = crypto.EncryptPan(key, Pan, Fingerprint);
        Assert.NotEqual(first, second);
        Assert.Equal(Pan, crypto.DecryptPan(key, first, Fingerprint));
        Assert.Equal(Pan, crypto.DecryptPan(key, second, Fingerprint));
        Assert.DoesNotContain(Encoding.ASCII.GetString(first), Pan, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_tampered_encrypted_pan_is_refused(string provider)
    {
        var crypto = TestKeys.For(provider);
        var key = Generate(crypto, KeyUsage.PanEncryption);
        var encrypted = crypto.EncryptPan(key, Pan, Fingerprint);
        for (var i = 0; i < encrypted.Length; i++)
        {
            var tampered = encrypted.ToArray();
            tampered[i] ^= 0x80;
            Assert.Throws<CryptoException>(() => crypto.DecryptPan(key, tampered, Fingerprint));
        }

        Assert.Throws<CryptoException>(() => crypto.DecryptPan(Generate(crypto, KeyUsage.PanEncryption), encrypted, Fingerprint));
        Assert.Throws<CryptoException>(() => crypto.DecryptPan(key, encrypted[..^1], Fingerprint));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void An_encrypted_pan_and_sealed_contacts_open_only_under_their_cards_fingerprint(string provider)
    {
        var crypto = TestKeys.For(provider);
        var key = Generate(crypto, KeyUsage.PanEncryption);
        var other = SHA256.HashData("another card"u8);
        var error = Assert.Throws<CryptoException>(() => crypto.DecryptPan(key, crypto.EncryptPan(key, Pan, Fingerprint), other));
        Assert.Contains("another card", error.Message);
        var contacts = crypto.SealCardholder(key, "+15555550100\nsarah@example.com"u8, Fingerprint);
        Assert.Equal("+15555550100\nsarah@example.com"u8.ToArray(), crypto.OpenCardholder(key, contacts, Fingerprint));
        Assert.Throws<CryptoException>(() => crypto.OpenCardholder(key, contacts, other));
        // Neither opens as the other, and a fingerprint must be one.
        Assert.Throws<CryptoException>(() => crypto.DecryptPan(key, crypto.SealCardholder(key, Encoding.ASCII.GetBytes(Pan), Fingerprint), Fingerprint));
        Assert.Throws<CryptoException>(() => crypto.OpenCardholder(key, crypto.EncryptPan(key, Pan, Fingerprint), Fingerprint));
        Assert.Throws<CryptoException>(() => crypto.EncryptPan(key, Pan, []));
        Assert.Throws<CryptoException>(() => crypto.SealCardholder(Generate(crypto, KeyUsage.ResponseSealing), "x"u8, Fingerprint));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_pan_encrypted_before_the_binding_still_opens_for_the_upgrade(string provider)
    {
        var crypto = TestKeys.For(provider);
        var material = RandomNumberGenerator.GetBytes(32);
        var key = crypto.ImportKey(Guid.NewGuid(), "pan-encryption", KeyUsage.PanEncryption, KeyAlgorithm.Aes256, [material.ToArray()]);
        var unbound = Algorithms.GcmEnvelope.Seal(material, Algorithms.GcmEnvelope.UnboundPanFormat, Encoding.ASCII.GetBytes(Pan));
        Assert.Equal(Pan, crypto.DecryptPan(key, unbound, Fingerprint)); // the caller checks it against the fingerprint
        unbound[^1] ^= 1;
        Assert.Throws<CryptoException>(() => crypto.DecryptPan(key, unbound, Fingerprint));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Sealed_data_round_trips_and_is_not_an_encrypted_pan(string provider)
    {
        var crypto = TestKeys.For(provider);
        var key = Generate(crypto, KeyUsage.ResponseSealing);
        var panKey = Generate(crypto, KeyUsage.PanEncryption);
        var sealedData = crypto.Seal(key, "{\"code\":\"123456\"}"u8);
        Assert.Equal("{\"code\":\"123456\"}"u8.ToArray(), crypto.Unseal(key, sealedData));
        Assert.Throws<CryptoException>(() => crypto.DecryptPan(key, crypto.Seal(key, Encoding.ASCII.GetBytes(Pan)), Fingerprint));
        Assert.Throws<CryptoException>(() => crypto.Seal(panKey, [1, 2, 3]));
        Assert.Throws<CryptoException>(() => crypto.EncryptPan(key, Pan, Fingerprint));
        sealedData[^1] ^= 1;
        Assert.Throws<CryptoException>(() => crypto.Unseal(key, sealedData));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Secret_hash_is_hmac_sha256_under_its_own_system_key(string provider)
    {
        var crypto = TestKeys.For(provider);
        var material = RandomNumberGenerator.GetBytes(32);
        var key = TestKeys.Import(crypto, KeyUsage.SecretHashing, material);
        Assert.Equal(HMACSHA256.HashData(material, "secret"u8), crypto.SecretHash(key, "secret"u8));
        Assert.Throws<CryptoException>(() => crypto.SecretHash(Generate(crypto, KeyUsage.PanFingerprint), "secret"u8));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Fingerprint_is_deterministic_and_depends_on_key_and_pan(string provider)
    {
        var crypto = TestKeys.For(provider);
        var key = Generate(crypto, KeyUsage.PanFingerprint);
        var fingerprint = crypto.PanFingerprint(key, Pan);
        Assert.Equal(32, fingerprint.Length);
        Assert.Equal(fingerprint, crypto.PanFingerprint(key, Pan));
        Assert.NotEqual(fingerprint, crypto.PanFingerprint(Generate(crypto, KeyUsage.PanFingerprint), Pan));
        Assert.NotEqual(fingerprint, crypto.PanFingerprint(key, "4123456789012346"));

        var material = RandomNumberGenerator.GetBytes(32);
        var imported = crypto.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.PanFingerprint, KeyAlgorithm.HmacSha256, [material]);
        Assert.Equal(HMACSHA256.HashData(material, Encoding.ASCII.GetBytes(Pan)), crypto.PanFingerprint(imported, Pan));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Jws_verifies_with_the_published_jwk(string provider)
    {
        var crypto = TestKeys.For(provider);
        var key = Generate(crypto, KeyUsage.ResultSigning);
        var jwk = crypto.PublicJwk(key);
        Assert.Equal(("EC", "P-256", "ES256", "sig"), (jwk["kty"], jwk["crv"], jwk["alg"], jwk["use"]));

        var jws = crypto.SignJws(key, "{\"transStatus\":\"Y\"}"u8);
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

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Kid_is_the_rfc7638_thumbprint(string provider)
    {
        var crypto = TestKeys.For(provider);
        var jwk = crypto.PublicJwk(Generate(crypto, KeyUsage.ResultSigning));
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{jwk["x"]}}","y":"{{jwk["y"]}}"}""";
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), jwk["kid"]);
    }

    private static KeyHandle Generate(ICryptoProvider crypto, KeyUsage usage) => crypto.GenerateKey(Guid.NewGuid(), "test-key", usage, KeyUsages.AlgorithmOf(usage));
}
