using System.Globalization;
using System.Text;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests.Vectors;

/// <summary>Vectors of ICC master-key derivation (§2), CVC3 (§3) and dCVV (§4).</summary>
internal static class IccVectors
{
    public static void IccMasterKey(TestVector v, ICryptoProvider provider)
    {
        var (imk, pan, psn, derivation) = (v.Hex("imk"), v.Text("pan"), v.Text("psn"), v.Derivation());
        Span<byte> y = stackalloc byte[8];
        IccKeyDerivation.ComputeY(pan, psn, derivation, y);
        v.CheckHex("y", y);

        var iccKey = CheckIccKey(v, "icc_mk", imk, pan, psn, derivation);
        Span<byte> raw = stackalloc byte[16];
        IccKeyDerivation.DeriveRaw(new TdesKey(imk), pan, psn, derivation, raw);
        v.CheckHex("icc_mk_raw", raw);
        v.Check("kcv3", KeyCheckValue.Tdes(new TdesKey(iccKey), 3));

        foreach (var usage in new[] { KeyUsage.ImkCvc3, KeyUsage.ImkDcvv })
        {
            v.Check("kcv2", provider.IccKeyCheckValue(TestKeys.Import(provider, usage, imk), pan, psn, derivation));
        }
    }

    public static void Cvc3(TestVector v, ICryptoProvider provider)
    {
        var (imk, pan, psn, derivation) = (v.Hex("imk"), v.Text("pan"), v.Text("psn"), v.Derivation());
        var key = TestKeys.Import(provider, KeyUsage.ImkCvc3, imk);
        CheckIccKey(v, "icc_key", imk, pan, psn, derivation);
        v.Check("icc_kcv2", provider.IccKeyCheckValue(key, pan, psn, derivation));

        ushort ivcvc3;
        if (v.Has("ivcvc3"))
        {
            ivcvc3 = (ushort)v.HexNumber("ivcvc3");
        }
        else
        {
            var track = v.Has("track_data_hex") ? v.Hex("track_data_hex") : Encoding.ASCII.GetBytes(v.Text("track_data_ascii"));
            ivcvc3 = provider.Ivcvc3(key, pan, psn, derivation, track);
            v.Check("ivcvc3", ivcvc3.ToString("X4", CultureInfo.InvariantCulture));
        }

        var (un, atc) = (v.HexNumber("un"), (ushort)v.HexNumber("atc"));
        var cvc3 = provider.Cvc3(key, pan, psn, derivation, ivcvc3, un, atc);
        v.Check("cvc3", cvc3);
        v.Check("cvc3_rightmost3", cvc3[^3..]);
        Assert.True(provider.VerifyCvc3(key, pan, psn, derivation, ivcvc3, un, atc, cvc3));
        Assert.True(provider.VerifyCvc3(key, pan, psn, derivation, ivcvc3, un, atc, cvc3.AsSpan(2)));
    }

    public static void Dcvv(TestVector v, ICryptoProvider provider)
    {
        var (imk, pan, derivation) = (v.Hex("imk"), v.Text("pan"), v.Derivation());
        Assert.Equal("00", v.Text("psn"));
        var (expiry, serviceCode, atc) = (v.Text("expiry"), v.Text("service_code"), (ushort)v.HexNumber("atc"));
        CheckIccKey(v, "udk", imk, pan, "00", derivation);
        Span<char> dataPan = stackalloc char[pan.Length];
        DcvvAlgorithm.DataPan(pan, atc, dataPan);
        v.Check("data_pan", new string(dataPan));

        var key = TestKeys.Import(provider, KeyUsage.ImkDcvv, imk);
        var dcvv = provider.Dcvv(key, pan, derivation, expiry, serviceCode, atc);
        v.Check("dcvv", dcvv);
        Assert.True(provider.VerifyDcvv(key, pan, derivation, expiry, serviceCode, atc, dcvv));
    }

    /// <summary>Derives the card key with the internal class and checks it under <paramref name="name"/>.</summary>
    private static byte[] CheckIccKey(TestVector v, string name, byte[] imk, string pan, string psn, IccDerivation derivation)
    {
        var key = new byte[16];
        IccKeyDerivation.Derive(new TdesKey(imk), pan, psn, derivation, key);
        v.CheckHex(name, key);
        return key;
    }
}
