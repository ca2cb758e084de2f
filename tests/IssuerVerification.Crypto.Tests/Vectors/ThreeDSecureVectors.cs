using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests.Vectors;

/// <summary>Vectors of the Visa CAVV (§5) and the Mastercard AAV (§6, and the informational SPA2 IAV).</summary>
internal static class ThreeDSecureVectors
{
    public static void CavvOutput(TestVector v, ICryptoProvider provider)
    {
        var key = CavvKey(v, provider);
        var (pan, atn) = (v.Text("pan"), v.Text("atn"));
        var serviceCode = v.Text("auth_result_code") + v.Text("second_factor_code");
        switch (v.Optional("pan_layout", "visa16"))
        {
            case "raw":
                v.Check("cavv_output", provider.Cvv(key, pan, atn.AsSpan(atn.Length - 4), serviceCode));
                break;
            case "visa16":
                var field = provider.VisaCavv(key, new VisaCavvInput(pan, atn, serviceCode[0], serviceCode[1..], "01", 0, new byte[4]));
                v.Check("cavv_output", Output(field));
                Assert.Equal(Output(field), provider.Cvv(key, CvvVectors.Visa16(pan), atn.AsSpan(atn.Length - 4), serviceCode));
                break;
            case var layout:
                throw new InvalidOperationException($"{v.Id}: unknown pan_layout {layout}");
        }
    }

    public static void CavvField(TestVector v, ICryptoProvider provider)
    {
        var key = CavvKey(v, provider);
        var input = new VisaCavvInput(
            v.Text("pan"), v.Text("atn"), v.Text("auth_result_code")[0], v.Text("second_factor_code"),
            v.Text("key_indicator"), v.Hex("version_action")[0], v.Hex("ip_hex"));
        var field = provider.VisaCavv(key, input);
        v.CheckHex("cavv_hex", field);
        v.Check("cavv_base64", Convert.ToBase64String(field));
        v.Check("cavv_output", Output(field));
    }

    public static void Aav(TestVector v, ICryptoProvider provider)
    {
        var key = TestKeys.Import(provider, KeyUsage.Aav, v.Hex("hmac_key"));
        var input = new MastercardAavInput(
            v.Text("pan"), v.Hex("control_byte")[0], v.Text("merchant_name"), v.Hex("acs_id")[0],
            (byte)v.HexNumber("auth_method"), (byte)v.HexNumber("bin_key_id"), v.HexNumber("tsn"));

        Span<byte> hash = stackalloc byte[8];
        MastercardAav.MerchantHash(input.MerchantName, hash);
        v.CheckHex("merchant_hash", hash);
        Span<byte> hmacInput = stackalloc byte[MastercardAav.HmacInputLength];
        MastercardAav.HmacInput(input, hmacInput);
        v.CheckHex("hmac_input", hmacInput);

        var aav = provider.MastercardAav(key, input);
        v.CheckHex("aav_hex", aav);
        v.Check("aav_base64", Convert.ToBase64String(aav));
        v.CheckHex("mac5", aav.AsSpan(15));
    }

    public static void Spa2Iav(TestVector v)
    {
        Span<byte> iav = stackalloc byte[4];
        MastercardSpa2Iav.Compute(v.Hex("key"), v.Hex("mac_input"), iav);
        v.CheckHex("iav4", iav);
    }

    private static KeyHandle CavvKey(TestVector v, ICryptoProvider provider) =>
        TestKeys.Import(provider, KeyUsage.Cavv, Convert.FromHexString(v.Text("cavv_key_a") + v.Text("cavv_key_b")));

    /// <summary>Bytes 4–5 of the field hold 0ddd.</summary>
    private static string Output(byte[] field) => Convert.ToHexString(field, 3, 2)[1..];
}
