using IssuerVerification.Crypto.Tests.Vectors;
using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto.Tests;

/// <summary>
/// Key exchange through each provider: published blocks in, round trips out and back (also from one provider to the
/// other), and every refusal. The PKCS#11 token opens the legacy versions A and C with the variant objects it makes when a
/// KEK enters it in clear parts, as a cryptogram or as a key block; a KEK generated in the token has none.
/// </summary>
public sealed class KeyExchangeTests
{
    private const string Cvk = "0123456789ABCDEFFEDCBA9876543210";
    private const string CvkKcv = "08D7B4";

    public static TheoryData<string, string> HsmBlocks => TestTokens.ForEachProvider(["thales-k0-a", "thales-k0-b", "thales-k0-c"]);

    public static TheoryData<string, string> KekLengths => TestTokens.ForEachProvider([
        "0123456789ABCDEF0123456789ABCDEF", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
        "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"]);

    public static TheoryData<string, (KeyUsage, string)> Travelling => TestTokens.ForEachProvider([
        (KeyUsage.ImkCvc3, "E6TX00N0000"), (KeyUsage.ImkDcvv, "E6TX00N0000"), (KeyUsage.Cavv, "C0TC00N0000")]);

    public static TheoryData<string, (string, KeyUsage, string)> Misfits => TestTokens.ForEachProvider([
        ("tr31-2018-a.7.2.1", KeyUsage.Cvk, "PIN encryption key"),
        ("tr31-2018-a.7.3.2", KeyUsage.Cvk, "DUKPT base derivation key"),
        ("thales-b0-d", KeyUsage.Kek, "DUKPT base derivation key"),
        ("thales-d0-d", KeyUsage.Kek, "data encryption key"),
        ("psec-m3-b-1", KeyUsage.Cvk, "MAC key"),
        ("thales-k0-b", KeyUsage.Cvk, "cannot become a Cvk key, which takes C0"),
        ("thales-k0-b", KeyUsage.ImkCvc3, "cannot become a ImkCvc3 key, which takes E6"),
        ("thales-k0-b", KeyUsage.Dcvv2, "not exchanged as a TR-31 key block"),
        ("thales-k0-b", KeyUsage.Aav, "not exchanged as a TR-31 key block")]);

    [Theory]
    [MemberData(nameof(HsmBlocks))]
    public void A_kek_generated_by_an_hsm_imports_under_its_kbpk(string provider, string id)
    {
        var vector = Vector(id);
        var legacy = id is "thales-k0-a" or "thales-k0-c";
        var crypto = TestKeys.For(provider);
        var imported = crypto.ImportKeyBlock(Guid.NewGuid(), "zmk", KeyUsage.Kek, false, Kek(crypto, vector.Kbpk), vector.KeyBlock);

        Assert.Equal(vector.Kcv, imported.Key.Kcv);
        Assert.Equal(vector.Kcv, crypto.CheckValue(imported.Key));
        Assert.Equal((KeyUsage.Kek, KeyAlgorithm.Tdes2Key, false, legacy),
            (imported.Key.Usage, imported.Key.Algorithm, imported.Key.Exportable, imported.Header.IsLegacy));
    }

    [Theory]
    [MemberData(nameof(KekLengths))]
    public void An_exported_cvk_imports_in_another_provider_under_the_same_kek(string provider, string kekHex)
    {
        var version = kekHex.Length == 64 ? "D" : "B";
        var crypto = TestKeys.For(provider);
        var cvk = crypto.ImportKey(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, [Convert.FromHexString(Cvk)], exportable: true);

        var block = crypto.ExportKeyBlock(cvk, Kek(crypto, kekHex));

        Assert.Equal(version + "C0TC00N0000", block[..1] + block[5..16]);
        ICryptoProvider elsewhere = provider == TestTokens.Software ? TestKeys.TokenProvider : TestKeys.NewProvider();
        var imported = elsewhere.ImportKeyBlock(Guid.NewGuid(), "cvk", KeyUsage.Cvk, false, Kek(elsewhere, kekHex), block);
        Assert.Equal(CvkKcv, imported.Key.Kcv);
        Assert.Equal("561", elsewhere.Cvv(imported.Key, "4123456789012345", "8701", "101"));
        Assert.False(imported.Header.IsLegacy);
    }

    [Theory]
    [MemberData(nameof(Travelling))]
    public void Issuer_master_keys_and_cavv_keys_travel_with_their_usage(string provider, (KeyUsage Usage, string Header) travelling)
    {
        var (usage, header) = travelling;
        var crypto = TestKeys.For(provider);
        var kek = Kek(crypto, "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF");
        var key = crypto.GenerateKey(Guid.NewGuid(), "key", usage, KeyAlgorithm.Tdes2Key, exportable: true);

        var block = crypto.ExportKeyBlock(key, kek);

        Assert.Equal(header, block[5..16]);
        Assert.Equal(key.Kcv, crypto.ImportKeyBlock(Guid.NewGuid(), "again", usage, false, kek, block).Key.Kcv);
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_block_marked_non_exportable_cannot_become_an_exportable_key(string provider)
    {
        var crypto = TestKeys.For(provider);
        var vector = Vector("thales-k0-b");
        var error = Assert.Throws<CryptoException>(() =>
            crypto.ImportKeyBlock(Guid.NewGuid(), "zmk", KeyUsage.Kek, true, Kek(crypto, vector.Kbpk), vector.KeyBlock));
        Assert.Contains("exportability is N", error.Message);
    }

    [Theory]
    [MemberData(nameof(Misfits))]
    public void A_block_that_does_not_fit_the_usage_asked_for_is_refused(string provider, (string Id, KeyUsage Usage, string Reason) misfit)
    {
        var (id, usage, reason) = misfit;
        var crypto = TestKeys.For(provider);
        var vector = Vector(id);
        var error = Assert.Throws<CryptoException>(() =>
            crypto.ImportKeyBlock(Guid.NewGuid(), "key", usage, false, Kek(crypto, vector.Kbpk), vector.KeyBlock));
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_wrong_mode_of_use_or_algorithm_is_refused(string provider)
    {
        var crypto = TestKeys.For(provider);
        var kek = Kek(crypto, "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF");
        var block = crypto.ExportKeyBlock(crypto.GenerateKey(Guid.NewGuid(), "k", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, exportable: true), kek);

        Assert.Contains("mode of use V", Refusal(crypto, KeyUsage.Cvk, kek, block[..8] + "V" + block[9..]));
        Assert.Contains("algorithm A", Refusal(crypto, KeyUsage.Cvk, kek, block[..7] + "A" + block[8..]));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_wrong_mac_or_kbpk_is_refused(string provider)
    {
        var crypto = TestKeys.For(provider);
        var vector = Vector("thales-k0-b");
        var altered = vector.KeyBlock[..^1] + (vector.KeyBlock[^1] == '0' ? '1' : '0');
        Assert.Contains("MAC does not verify", Refusal(crypto, KeyUsage.Kek, Kek(crypto, vector.Kbpk), altered));
        Assert.Contains("MAC does not verify", Refusal(crypto, KeyUsage.Kek, Kek(crypto, Cvk), vector.KeyBlock));
        Assert.Contains("AES key", Refusal(crypto, KeyUsage.Kek, Kek(crypto, Cvk), Vector("thales-b0-d").KeyBlock.Replace("B0TN", "K0TB", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_legacy_block_under_another_kbpk_is_refused(string provider)
    {
        var crypto = TestKeys.For(provider);
        var vector = Vector("thales-k0-a");
        var altered = vector.KeyBlock[..^1] + (vector.KeyBlock[^1] == '0' ? '1' : '0');
        Assert.Contains("MAC does not verify", Refusal(crypto, KeyUsage.Kek, Kek(crypto, vector.Kbpk), altered));
        Assert.Contains("MAC does not verify", Refusal(crypto, KeyUsage.Kek, Kek(crypto, Cvk), vector.KeyBlock));
    }

    [Fact]
    public void A_kek_generated_in_the_token_has_no_legacy_variants()
    {
        var crypto = TestKeys.TokenProvider;
        var kek = crypto.GenerateKey(Guid.NewGuid(), "kek", KeyUsage.Kek, KeyAlgorithm.Tdes2Key);

        Assert.Contains("this KEK was generated in the token", Refusal(crypto, KeyUsage.Kek, kek, Vector("thales-k0-c").KeyBlock));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Only_a_kek_wraps_and_unwraps(string provider)
    {
        var crypto = TestKeys.For(provider);
        var vector = Vector("thales-k0-b");
        var notKek = TestKeys.Import(crypto, KeyUsage.Cvk, vector.Kbpk);
        Assert.Contains("cannot be used for key exchange", Refusal(crypto, KeyUsage.Kek, notKek, vector.KeyBlock));
        var exportable = crypto.GenerateKey(Guid.NewGuid(), "k", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, exportable: true);
        Assert.Throws<CryptoException>(() => crypto.ExportKeyBlock(exportable, notKek));
        var kek = Kek(crypto, vector.Kbpk);
        Assert.Contains("cannot be used for", Assert.Throws<CryptoException>(() => crypto.Cvv(kek, "4123456789012345", "8701", "101")).Message);
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Export_refuses_a_key_not_created_exportable_or_under_a_weaker_kek_or_itself(string provider)
    {
        var crypto = TestKeys.For(provider);
        var tdesKek = Kek(crypto, Cvk);
        var cvk = crypto.GenerateKey(Guid.NewGuid(), "k", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key);
        Assert.Contains("not created exportable", Assert.Throws<CryptoException>(() => crypto.ExportKeyBlock(cvk, tdesKek)).Message);
        Assert.Throws<CryptoException>(() => crypto.ExportKeyBlock(cvk with { Exportable = true }, tdesKek));

        var aesKek = crypto.GenerateKey(Guid.NewGuid(), "aes", KeyUsage.Kek, KeyAlgorithm.Aes256, exportable: true);
        Assert.Contains("weaker", Assert.Throws<CryptoException>(() => crypto.ExportKeyBlock(aesKek, tdesKek)).Message);
        Assert.Contains("under itself", Assert.Throws<CryptoException>(() => crypto.ExportKeyBlock(aesKek, aesKek)).Message);
        var dcvv2 = crypto.GenerateKey(Guid.NewGuid(), "d", KeyUsage.Dcvv2, KeyAlgorithm.Tdes2Key, exportable: true);
        Assert.Contains("not exchanged", Assert.Throws<CryptoException>(() => crypto.ExportKeyBlock(dcvv2, aesKek)).Message);
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_cryptogram_under_a_zmk_imports_when_its_kcv_matches(string provider)
    {
        var crypto = TestKeys.For(provider);
        const string Zmk = "89E88CF7931444F334BD7547FC3F380C";
        var cryptogram = TdesEcb(Zmk, Cvk);

        var key = crypto.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(crypto, Zmk), cryptogram, "08d7b4");

        Assert.Equal(CvkKcv, key.Kcv);
        Assert.Equal("561", crypto.Cvv(key, "4123456789012345", "8701", "101"));
        Assert.Contains("not the KCV given", Assert.Throws<CryptoException>(() =>
            crypto.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(crypto, Zmk), cryptogram, "08D7B5")).Message);
        Assert.Contains("not the KCV given", Assert.Throws<CryptoException>(() =>
            crypto.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(crypto, Cvk), cryptogram, CvkKcv)).Message);
        Assert.Contains("16 bytes", Assert.Throws<CryptoException>(() =>
            crypto.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(crypto, Zmk), cryptogram[..8], CvkKcv)).Message);
        Assert.Contains("TR-31", Assert.Throws<CryptoException>(() =>
            crypto.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(crypto, Zmk + Zmk), cryptogram, CvkKcv)).Message);
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_triple_length_kek_arrives_as_a_cryptogram_too(string provider)
    {
        var crypto = TestKeys.For(provider);
        const string Zmk = "89E88CF7931444F334BD7547FC3F380C";
        const string Key = "0123456789ABCDEFFEDCBA98765432100011223344556677";
        var kcv = crypto.CheckValue(crypto.ImportKey(Guid.NewGuid(), "k", KeyUsage.Kek, KeyAlgorithm.Tdes3Key, [Convert.FromHexString(Key)]));

        var key = crypto.ImportCryptogram(Guid.NewGuid(), "kek3", KeyUsage.Kek, KeyAlgorithm.Tdes3Key, true, Kek(crypto, Zmk), TdesEcb(Zmk, Key), kcv);

        Assert.Equal((kcv, true), (key.Kcv, key.Exportable));
    }

    private static Tr31Vector Vector(string id) => Tr31Vector.All.Single(v => v.Id == id);

    private static string Refusal(ICryptoProvider crypto, KeyUsage usage, KeyHandle kek, string block) =>
        Assert.Throws<CryptoException>(() => crypto.ImportKeyBlock(Guid.NewGuid(), "key", usage, false, kek, block)).Message;

    private static KeyHandle Kek(ICryptoProvider provider, string hex)
    {
        var algorithm = hex.Length switch { 32 => KeyAlgorithm.Tdes2Key, 48 => KeyAlgorithm.Tdes3Key, _ => KeyAlgorithm.Aes256 };
        return provider.ImportKey(Guid.NewGuid(), "kek", KeyUsage.Kek, algorithm, [Convert.FromHexString(hex)], exportable: true);
    }

    private static byte[] TdesEcb(string kek, string key)
    {
        var engine = new DesEdeEngine();
        engine.Init(true, new KeyParameter(Convert.FromHexString(kek)));
        var data = Convert.FromHexString(key);
        for (var i = 0; i < data.Length; i += 8)
        {
            engine.ProcessBlock(data, i, data, i);
        }
        return data;
    }
}
