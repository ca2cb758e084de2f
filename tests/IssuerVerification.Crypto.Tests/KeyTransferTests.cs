using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>
/// Moving keys from the software provider into the token (docs/crypto-provider.md, "Switching"): every usage arrives with
/// its KCV and computes what it computed before; an envelope opens only as its own key under its own transfer KEK.
/// </summary>
public sealed class KeyTransferTests
{
    private static readonly SoftwareCryptoProvider Software = TestKeys.NewProvider();
    private static readonly Pkcs11.Pkcs11CryptoProvider Token = TestKeys.TokenProvider;

    public static TheoryData<KeyUsage> Usages => [.. Enum.GetValues<KeyUsage>()];

    [Theory]
    [MemberData(nameof(Usages))]
    public void Every_kind_of_key_moves_into_the_token_with_its_kcv(KeyUsage usage)
    {
        var key = Software.GenerateKey(Guid.NewGuid(), "key-" + usage, usage, KeyUsages.AlgorithmOf(usage), exportable: usage == KeyUsage.Cvk);
        var (sending, receiving) = TransferKek();

        var moved = Token.UnwrapTransferred(key, receiving, Software.WrapForTransfer(key, sending));

        Assert.Equal((key.Id, key.Alias, key.Usage, key.Algorithm, key.Kcv, key.Exportable), (moved.Id, moved.Alias, moved.Usage, moved.Algorithm, moved.Kcv, moved.Exportable));
        Assert.Equal(key.Kcv, Token.CheckValue(moved));
        Assert.True(Token.HasCurrentFormat(moved));
        Discard(sending, receiving);
    }

    [Fact]
    public void Moved_keys_compute_what_they_computed_before()
    {
        var (sending, receiving) = TransferKek();
        KeyHandle Move(KeyHandle key) => Token.UnwrapTransferred(key, receiving, Software.WrapForTransfer(key, sending));
        var cvk = Software.GenerateKey(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key);
        var pan = Software.GenerateKey(Guid.NewGuid(), "pan", KeyUsage.PanEncryption, KeyAlgorithm.Aes256);
        var signing = Software.GenerateKey(Guid.NewGuid(), "sig", KeyUsage.ResultSigning, KeyAlgorithm.EcP256);
        var fingerprint = new byte[32];
        var encrypted = Software.EncryptPan(pan, "4123456789012345", fingerprint);

        Assert.Equal(Software.Cvv(cvk, "4123456789012345", "8701", "101"), Token.Cvv(Move(cvk), "4123456789012345", "8701", "101"));
        Assert.Equal("4123456789012345", Token.DecryptPan(Move(pan), encrypted, fingerprint));
        Assert.Equal(Software.PublicJwk(signing), Token.PublicJwk(Move(signing)));
        Discard(sending, receiving);
    }

    [Fact]
    public void A_second_move_of_the_same_key_replaces_the_first_and_an_envelope_opens_only_as_its_key()
    {
        var (sending, receiving) = TransferKek();
        var key = Software.GenerateKey(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key);
        var envelope = Software.WrapForTransfer(key, sending);

        Token.UnwrapTransferred(key, receiving, envelope);
        var again = Token.UnwrapTransferred(key, receiving, envelope);

        Assert.Equal(key.Kcv, Token.CheckValue(again));
        Assert.Contains("does not open", Assert.Throws<CryptoException>(() => Token.UnwrapTransferred(key with { Alias = "other" }, receiving, envelope)).Message);
        Assert.Contains("does not open", Assert.Throws<CryptoException>(() => Token.UnwrapTransferred(key with { Exportable = true }, receiving, envelope)).Message);
        var (_, otherKek) = TransferKek();
        Assert.Contains("does not open", Assert.Throws<CryptoException>(() => Token.UnwrapTransferred(key, otherKek, envelope)).Message);
        var tdesKek = Token.ImportKey(Guid.NewGuid(), "zmk", KeyUsage.Kek, KeyAlgorithm.Tdes2Key, [Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210")]);
        Assert.Contains("AES-256 KEK", Assert.Throws<CryptoException>(() => Token.UnwrapTransferred(key, tdesKek, envelope)).Message);
        Discard(sending, receiving);
        Token.DiscardTransferKek(otherKek);
    }

    [Fact]
    public void Only_exportable_keys_leave_the_token_and_a_discarded_transfer_kek_is_gone()
    {
        var (sending, receiving) = TransferKek();
        var kept = Token.GenerateKey(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key);
        var exportable = Token.GenerateKey(Guid.NewGuid(), "cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, exportable: true);

        Assert.Contains("does not leave the token", Assert.Throws<CryptoException>(() => Token.WrapForTransfer(kept, receiving)).Message);
        var back = Software.UnwrapTransferred(exportable, sending, Token.WrapForTransfer(exportable, receiving));
        Assert.Equal(exportable.Kcv, Software.CheckValue(back));

        Discard(sending, receiving);
        Assert.Contains("not in the token", Assert.Throws<CryptoException>(() => Token.CheckValue(receiving)).Message);
    }

    private static (KeyHandle Sending, KeyHandle Receiving) TransferKek()
    {
        var component = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var id = Guid.NewGuid();
        return (Software.ImportKey(id, "transfer-kek", KeyUsage.Kek, KeyAlgorithm.Aes256, [component]),
            Token.ImportKey(id, "transfer-kek", KeyUsage.Kek, KeyAlgorithm.Aes256, [component]));
    }

    private static void Discard(KeyHandle sending, KeyHandle receiving)
    {
        Software.DiscardTransferKek(sending);
        Token.DiscardTransferKek(receiving);
    }
}
