using IssuerVerification.Crypto.Tests.Vectors;
using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto.Tests;

/// <summary>Key exchange through the provider: published blocks in, round trips out and back, and every refusal.</summary>
public sealed class KeyExchangeTests
{
    private const string Cvk = "0123456789ABCDEFFEDCBA9876543210";
    private const string CvkKcv = "08D7B4";
    private static readonly SoftwareCryptoProvider Provider = TestKeys.Provider;

    [Theory]
    [InlineData("thales-k0-a", true)]
    [InlineData("thales-k0-b", false)]
    [InlineData("thales-k0-c", true)]
    public void A_kek_generated_by_an_hsm_imports_under_its_kbpk(string id, bool legacy)
    {
        var vector = Vector(id);

        var imported = Provider.ImportKeyBlock(Guid.NewGuid(), "zmk", KeyUsage.Kek, false, Kek(Provider, vector.Kbpk), vector.KeyBlock);

        Assert.Equal(vector.Kcv, imported.Key.Kcv);
        Assert.Equal(vector.Kcv, Provider.CheckValue(imported.Key));
        Assert.Equal((KeyUsage.Kek, KeyAlgorithm.Tdes2Key, false, legacy),
            (imported.Key.Usage, imported.Key.Algorithm, imported.Key.Exportable, imported.Header.IsLegacy));
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", "B")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", "B")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", "D")]
    public void An_exported_cvk_imports_in_another_provider_under_the_same_kek(string kekHex, string version)
    {
        var cvk = Provider.ImportKey(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, [Convert.FromHexString(Cvk)], exportable: true);

        var block = Provider.ExportKeyBlock(cvk, Kek(Provider, kekHex));

        Assert.Equal(version + "C0TC00N0000", block[..1] + block[5..16]);
        var elsewhere = TestKeys.NewProvider();
        var imported = elsewhere.ImportKeyBlock(Guid.NewGuid(), "cvk", KeyUsage.Cvk, false, Kek(elsewhere, kekHex), block);
        Assert.Equal(CvkKcv, imported.Key.Kcv);
        Assert.Equal("561", elsewhere.Cvv(imported.Key, "4123456789012345", "8701", "101"));
        Assert.False(imported.Header.IsLegacy);
    }

    [Theory]
    [InlineData(KeyUsage.ImkCvc3, "E6TX00N0000")]
    [InlineData(KeyUsage.ImkDcvv, "E6TX00N0000")]
    [InlineData(KeyUsage.Cavv, "C0TC00N0000")]
    public void Issuer_master_keys_and_cavv_keys_travel_with_their_usage(KeyUsage usage, string header)
    {
        var kek = Kek(Provider, "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF");
        var key = Provider.GenerateKey(Guid.NewGuid(), "key", usage, KeyAlgorithm.Tdes2Key, exportable: true);

        var block = Provider.ExportKeyBlock(key, kek);

        Assert.Equal(header, block[5..16]);
        Assert.Equal(key.Kcv, Provider.ImportKeyBlock(Guid.NewGuid(), "again", usage, false, kek, block).Key.Kcv);
    }

    [Fact]
    public void A_block_marked_non_exportable_cannot_become_an_exportable_key()
    {
        var vector = Vector("thales-k0-b");
        var error = Assert.Throws<CryptoException>(() =>
            Provider.ImportKeyBlock(Guid.NewGuid(), "zmk", KeyUsage.Kek, true, Kek(Provider, vector.Kbpk), vector.KeyBlock));
        Assert.Contains("exportability is N", error.Message);
    }

    [Theory]
    [InlineData("tr31-2018-a.7.2.1", KeyUsage.Cvk, "PIN encryption key")]
    [InlineData("tr31-2018-a.7.3.2", KeyUsage.Cvk, "DUKPT base derivation key")]
    [InlineData("thales-b0-d", KeyUsage.Kek, "DUKPT base derivation key")]
    [InlineData("thales-d0-d", KeyUsage.Kek, "data encryption key")]
    [InlineData("psec-m3-b-1", KeyUsage.Cvk, "MAC key")]
    [InlineData("thales-k0-b", KeyUsage.Cvk, "cannot become a Cvk key, which takes C0")]
    [InlineData("thales-k0-b", KeyUsage.ImkCvc3, "cannot become a ImkCvc3 key, which takes E6")]
    [InlineData("thales-k0-b", KeyUsage.Dcvv2, "not exchanged as a TR-31 key block")]
    [InlineData("thales-k0-b", KeyUsage.Aav, "not exchanged as a TR-31 key block")]
    public void A_block_that_does_not_fit_the_usage_asked_for_is_refused(string id, KeyUsage usage, string reason)
    {
        var vector = Vector(id);
        var error = Assert.Throws<CryptoException>(() =>
            Provider.ImportKeyBlock(Guid.NewGuid(), "key", usage, false, Kek(Provider, vector.Kbpk), vector.KeyBlock));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_wrong_mode_of_use_or_algorithm_is_refused()
    {
        var kek = Kek(Provider, "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF");
        var block = Provider.ExportKeyBlock(Provider.GenerateKey(Guid.NewGuid(), "k", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, exportable: true), kek);

        Assert.Contains("mode of use V", Refusal(KeyUsage.Cvk, kek, block[..8] + "V" + block[9..]));
        Assert.Contains("algorithm A", Refusal(KeyUsage.Cvk, kek, block[..7] + "A" + block[8..]));
    }

    [Fact]
    public void A_wrong_mac_or_kbpk_is_refused()
    {
        var vector = Vector("thales-k0-b");
        var altered = vector.KeyBlock[..^1] + (vector.KeyBlock[^1] == '0' ? '1' : '0');
        Assert.Contains("MAC does not verify", Refusal(KeyUsage.Kek, Kek(Provider, vector.Kbpk), altered));
        Assert.Contains("MAC does not verify", Refusal(KeyUsage.Kek, Kek(Provider, Cvk), vector.KeyBlock));
        Assert.Contains("AES key", Refusal(KeyUsage.Kek, Kek(Provider, Cvk), Vector("thales-b0-d").KeyBlock.Replace("B0TN", "K0TB", StringComparison.Ordinal)));
    }

    [Fact]
    public void Only_a_kek_wraps_and_unwraps()
    {
        var vector = Vector("thales-k0-b");
        var notKek = TestKeys.Import(KeyUsage.Cvk, vector.Kbpk);
        Assert.Contains("cannot be used for key exchange", Refusal(KeyUsage.Kek, notKek, vector.KeyBlock));
        var exportable = Provider.GenerateKey(Guid.NewGuid(), "k", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, exportable: true);
        Assert.Throws<CryptoException>(() => Provider.ExportKeyBlock(exportable, notKek));
        var kek = Kek(Provider, vector.Kbpk);
        Assert.Contains("cannot be used for", Assert.Throws<CryptoException>(() => Provider.Cvv(kek, "4123456789012345", "8701", "101")).Message);
    }

    [Fact]
    public void Export_refuses_a_key_not_created_exportable_or_under_a_weaker_kek_or_itself()
    {
        var tdesKek = Kek(Provider, Cvk);
        var cvk = Provider.GenerateKey(Guid.NewGuid(), "k", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key);
        Assert.Contains("not created exportable", Assert.Throws<CryptoException>(() => Provider.ExportKeyBlock(cvk, tdesKek)).Message);
        Assert.Throws<CryptoException>(() => Provider.ExportKeyBlock(cvk with { Exportable = true }, tdesKek));

        var aesKek = Provider.GenerateKey(Guid.NewGuid(), "aes", KeyUsage.Kek, KeyAlgorithm.Aes256, exportable: true);
        Assert.Contains("weaker", Assert.Throws<CryptoException>(() => Provider.ExportKeyBlock(aesKek, tdesKek)).Message);
        Assert.Contains("under itself", Assert.Throws<CryptoException>(() => Provider.ExportKeyBlock(aesKek, aesKek)).Message);
        var dcvv2 = Provider.GenerateKey(Guid.NewGuid(), "d", KeyUsage.Dcvv2, KeyAlgorithm.Tdes2Key, exportable: true);
        Assert.Contains("not exchanged", Assert.Throws<CryptoException>(() => Provider.ExportKeyBlock(dcvv2, aesKek)).Message);
    }

    [Fact]
    public void A_cryptogram_under_a_zmk_imports_when_its_kcv_matches()
    {
        const string Zmk = "89E88CF7931444F334BD7547FC3F380C";
        var cryptogram = TdesEcb(Zmk, Cvk);

        var key = Provider.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(Provider, Zmk), cryptogram, "08d7b4");

        Assert.Equal(CvkKcv, key.Kcv);
        Assert.Equal("561", Provider.Cvv(key, "4123456789012345", "8701", "101"));
        Assert.Contains("not the KCV given", Assert.Throws<CryptoException>(() =>
            Provider.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(Provider, Zmk), cryptogram, "08D7B5")).Message);
        Assert.Contains("not the KCV given", Assert.Throws<CryptoException>(() =>
            Provider.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(Provider, Cvk), cryptogram, CvkKcv)).Message);
        Assert.Contains("16 bytes", Assert.Throws<CryptoException>(() =>
            Provider.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(Provider, Zmk), cryptogram[..8], CvkKcv)).Message);
        Assert.Contains("TR-31", Assert.Throws<CryptoException>(() =>
            Provider.ImportCryptogram(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, false, Kek(Provider, Zmk + Zmk), cryptogram, CvkKcv)).Message);
    }

    [Fact]
    public void A_triple_length_kek_arrives_as_a_cryptogram_too()
    {
        const string Zmk = "89E88CF7931444F334BD7547FC3F380C";
        const string Key = "0123456789ABCDEFFEDCBA98765432100011223344556677";
        var kcv = Provider.CheckValue(Provider.ImportKey(Guid.NewGuid(), "k", KeyUsage.Kek, KeyAlgorithm.Tdes3Key, [Convert.FromHexString(Key)]));

        var key = Provider.ImportCryptogram(Guid.NewGuid(), "kek3", KeyUsage.Kek, KeyAlgorithm.Tdes3Key, true, Kek(Provider, Zmk), TdesEcb(Zmk, Key), kcv);

        Assert.Equal((kcv, true), (key.Kcv, key.Exportable));
    }

    private static Tr31Vector Vector(string id) => Tr31Vector.All.Single(v => v.Id == id);

    private static string Refusal(KeyUsage usage, KeyHandle kek, string block) =>
        Assert.Throws<CryptoException>(() => Provider.ImportKeyBlock(Guid.NewGuid(), "key", usage, false, kek, block)).Message;

    private static KeyHandle Kek(SoftwareCryptoProvider provider, string hex)
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
