using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>CVV method values: CVV1/CVV2/iCVV (and CAVV output) and this product's dCVV2.</summary>
public sealed partial class SoftwareCryptoProvider : ICardCodes
{
    private const int MaxCvvDigits = 16;

    public string Cvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, int digits = 3)
    {
        var key = Use(cvk, "CVV", KeyUsage.Cvk, KeyUsage.Cavv).Tdes;
        RequireCvvData(pan, expiry, serviceCode);
        if (digits is < 3 or > MaxCvvDigits)
        {
            throw new CryptoException("A CVV has 3 to 16 digits.");
        }

        Span<char> value = stackalloc char[digits];
        CvvMethod.Compute(key, pan, expiry, serviceCode, value);
        return new string(value);
    }

    public bool VerifyCvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ReadOnlySpan<char> value)
    {
        var key = Use(cvk, "CVV", KeyUsage.Cvk, KeyUsage.Cavv).Tdes;
        RequireCvvData(pan, expiry, serviceCode);
        if (value.Length is < 3 or > MaxCvvDigits)
        {
            return false;
        }

        Span<char> expected = stackalloc char[value.Length];
        CvvMethod.Compute(key, pan, expiry, serviceCode, expected);
        return ConstantTime.DigitsEqual(expected, value);
    }

    public string Dcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex)
    {
        Span<char> value = stackalloc char[3];
        ComputeDcvv2(key, pan, windowIndex, value);
        return new string(value);
    }

    public bool VerifyDcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex, ReadOnlySpan<char> value)
    {
        Span<char> expected = stackalloc char[3];
        ComputeDcvv2(key, pan, windowIndex, expected);
        return ConstantTime.DigitsEqual(expected, value);
    }

    /// <summary>§9: the CVV method with "expiry" W[0:4] and "service code" W[4:7].</summary>
    private void ComputeDcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex, Span<char> value)
    {
        var tdes = Use(key, "dCVV2", KeyUsage.Dcvv2).Tdes;
        DigitInput.RequirePan(pan);
        if (windowIndex < 0)
        {
            throw new CryptoException("A dCVV2 window index is not negative.");
        }

        Span<char> window = stackalloc char[7];
        Dcvv2Window.Digits(windowIndex, window);
        CvvMethod.Compute(tdes, pan, window[..4], window[4..], value);
    }

    private static void RequireCvvData(ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode)
    {
        DigitInput.RequirePan(pan);
        DigitInput.Require(expiry, 4, 4, "Expiry");
        DigitInput.Require(serviceCode, 3, 3, "Service code");
    }
}
