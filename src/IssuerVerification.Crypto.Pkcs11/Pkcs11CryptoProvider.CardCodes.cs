using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>CVV method values (CVV1/CVV2/iCVV, CAVV output) and dCVV2, the DES steps done by the key's halves in the token.</summary>
public sealed partial class Pkcs11CryptoProvider : ICardCodes
{
    private const int MaxCvvDigits = 16;

    public string Cvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, int digits = 3)
    {
        var (panText, expiryText, serviceText) = (pan.ToString(), expiry.ToString(), serviceCode.ToString());
        return Run(session =>
        {
            var key = Tdes(session, Use(session, cvk, "CVV", KeyUsage.Cvk, KeyUsage.Cavv));
            RequireCvvData(panText, expiryText, serviceText);
            if (digits is < 3 or > MaxCvvDigits)
            {
                throw new CryptoException("A CVV has 3 to 16 digits.");
            }

            var value = new char[digits];
            CvvMethod.Compute(key, panText, expiryText, serviceText, value);
            return new string(value);
        });
    }

    public bool VerifyCvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ReadOnlySpan<char> value)
    {
        var (panText, expiryText, serviceText, valueText) = (pan.ToString(), expiry.ToString(), serviceCode.ToString(), value.ToString());
        return Run(session =>
        {
            var key = Tdes(session, Use(session, cvk, "CVV", KeyUsage.Cvk, KeyUsage.Cavv));
            RequireCvvData(panText, expiryText, serviceText);
            if (valueText.Length is < 3 or > MaxCvvDigits)
            {
                return false;
            }

            var expected = new char[valueText.Length];
            CvvMethod.Compute(key, panText, expiryText, serviceText, expected);
            return ConstantTime.DigitsEqual(expected, valueText);
        });
    }

    public string Dcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex) => ComputeDcvv2(key, pan.ToString(), windowIndex);

    public bool VerifyDcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex, ReadOnlySpan<char> value) =>
        ConstantTime.DigitsEqual(ComputeDcvv2(key, pan.ToString(), windowIndex), value);

    /// <summary>§9: the CVV method with "expiry" W[0:4] and "service code" W[4:7].</summary>
    private string ComputeDcvv2(KeyHandle key, string pan, long windowIndex) => Run(session =>
    {
        var tdes = Tdes(session, Use(session, key, "dCVV2", KeyUsage.Dcvv2));
        DigitInput.RequirePan(pan);
        if (windowIndex < 0)
        {
            throw new CryptoException("A dCVV2 window index is not negative.");
        }

        var window = new char[7];
        Dcvv2Window.Digits(windowIndex, window);
        var value = new char[3];
        CvvMethod.Compute(tdes, pan, window.AsSpan(0, 4), window.AsSpan(4), value);
        return new string(value);
    });

    private static TokenTdes Tdes(Net.Pkcs11Interop.HighLevelAPI.ISession session, TokenKey key) => new(session, key.Main, key.Second!);

    private static void RequireCvvData(ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode)
    {
        DigitInput.RequirePan(pan);
        DigitInput.Require(expiry, 4, 4, "Expiry");
        DigitInput.Require(serviceCode, 3, 3, "Service code");
    }
}
