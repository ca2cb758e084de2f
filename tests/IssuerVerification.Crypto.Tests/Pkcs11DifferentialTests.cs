using System.Security.Cryptography;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>
/// The PKCS#11 provider against the software provider on random keys and inputs: the same keys imported into both give
/// the same KCVs and values for every operation, and what one encrypts the other opens.
/// </summary>
public sealed class Pkcs11DifferentialTests
{
    // Every round creates ~10 token objects, and SoftHSM2 searches its objects linearly: enough rounds, not more.
    private const int Rounds = 16;
    private static readonly IccDerivation[] Derivations = [IccDerivation.OptionA, IccDerivation.OptionB, IccDerivation.OptionBAllPans];

    [Fact]
    public void Card_and_3ds_values_are_equal_on_random_keys_and_inputs()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var (cvk, imkCvc3, imkDcvv, dcvv2, aav) = (TdesKey(), TdesKey(), TdesKey(), TdesKey(), RandomNumberGenerator.GetBytes(Random.Shared.Next(16, 65)));
            var pan = Digits(Random.Shared.Next(13, 20));
            var (expiry, serviceCode, psn, atn, sfac) = (Digits(4), Digits(3), Digits(2), Digits(16), Digits(2));
            var (derivation, digits) = (Derivations[round % 3], 3 + (round % 14));
            var (atc, un, window) = ((ushort)Random.Shared.Next(65536), (uint)Random.Shared.Next(), Random.Shared.NextInt64(0, 10_000_000));
            var track = RandomNumberGenerator.GetBytes(Random.Shared.Next(1, 40));
            var aavInput = new MastercardAavInput(pan, 0x8C, "Merchant " + Digits(5), (byte)Random.Shared.Next(8), 1, 2, (uint)Random.Shared.Next());

            string Values(ICryptoProvider p)
            {
                KeyHandle Import(KeyUsage usage, byte[] key) => TestKeys.Import(p, usage, key);
                var (c, i3, id, d2, a) = (Import(KeyUsage.Cvk, cvk), Import(KeyUsage.ImkCvc3, imkCvc3), Import(KeyUsage.ImkDcvv, imkDcvv), Import(KeyUsage.Dcvv2, dcvv2), Import(KeyUsage.Aav, aav));
                var ivcvc3 = p.Ivcvc3(i3, pan, psn, derivation, track);
                return string.Join('|', c.Kcv, i3.Kcv, id.Kcv, d2.Kcv, a.Kcv, p.Cvv(c, pan, expiry, serviceCode, digits), p.Dcvv2(d2, pan, window),
                    p.IccKeyCheckValue(i3, pan, psn, derivation), ivcvc3, p.Cvc3(i3, pan, psn, derivation, ivcvc3, un, atc),
                    p.Dcvv(id, pan, derivation, expiry, serviceCode, atc),
                    Convert.ToHexString(p.VisaCavv(Import(KeyUsage.Cavv, cvk), new VisaCavvInput(pan, atn, '7', sfac, "01", 0x11, [10, 0, 0, 1]))),
                    Convert.ToHexString(p.MastercardAav(a, aavInput)));
            }

            Assert.Equal(Values(TestKeys.Provider), Values(TestKeys.TokenProvider));
        }
    }

    [Fact]
    public void System_key_values_are_equal_and_each_opens_what_the_other_sealed()
    {
        var (software, token) = (TestKeys.Provider, TestKeys.TokenProvider);
        for (var round = 0; round < Rounds; round++)
        {
            var (hmac, aes) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
            var pan = Digits(Random.Shared.Next(8, 20));
            var data = RandomNumberGenerator.GetBytes(Random.Shared.Next(0, 300));
            KeyHandle[] Keys(ICryptoProvider p) =>
                [TestKeys.Import(p, KeyUsage.PanFingerprint, hmac), TestKeys.Import(p, KeyUsage.SecretHashing, hmac), TestKeys.Import(p, KeyUsage.AuditChain, hmac),
                 TestKeys.Import(p, KeyUsage.PanEncryption, aes), TestKeys.Import(p, KeyUsage.ResponseSealing, aes)];
            var (s, t) = (Keys(software), Keys(token));

            Assert.Equal(s.Select(k => k.Kcv), t.Select(k => k.Kcv));
            var fingerprint = software.PanFingerprint(s[0], pan);
            Assert.Equal(fingerprint, token.PanFingerprint(t[0], pan));
            Assert.Equal(software.SecretHash(s[1], data), token.SecretHash(t[1], data));
            var (softwareMac, tokenMac) = (new byte[32], new byte[32]);
            software.AuditMac(s[2], data, softwareMac);
            token.AuditMac(t[2], data, tokenMac);
            Assert.Equal(softwareMac, tokenMac);

            Assert.Equal(pan, token.DecryptPan(t[3], software.EncryptPan(s[3], pan, fingerprint), fingerprint));
            Assert.Equal(pan, software.DecryptPan(s[3], token.EncryptPan(t[3], pan, fingerprint), fingerprint));
            Assert.Equal(data, software.OpenCardholder(s[3], token.SealCardholder(t[3], data, fingerprint), fingerprint));
            Assert.Equal(data, token.Unseal(t[4], software.Seal(s[4], data)));
            Assert.Equal(data, software.Unseal(s[4], token.Seal(t[4], data)));
        }
    }

    /// <summary>A random double-length key with odd parity, halves never equal.</summary>
    private static byte[] TdesKey()
    {
        var key = RandomNumberGenerator.GetBytes(16);
        Parity.AdjustOdd(key);
        return WeakKeys.Weakness(KeyAlgorithm.Tdes2Key, key) is null ? key : TdesKey();
    }

    private static string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + Random.Shared.Next(10))));
}
