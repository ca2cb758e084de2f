using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>Values from card keys derived per PAN from an issuer master key: CVC3 and dCVV.</summary>
public sealed partial class SoftwareCryptoProvider : IContactlessCodes
{
    public string IccKeyCheckValue(KeyHandle imk, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation)
    {
        var master = Use(imk, "ICC key check values", KeyUsage.ImkCvc3, KeyUsage.ImkDcvv).Tdes;
        return KeyCheckValue.Tdes(CardKey(master, pan, psn, derivation), 2);
    }

    public ushort Ivcvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ReadOnlySpan<byte> staticTrack)
    {
        var master = Use(imkCvc3, "CVC3", KeyUsage.ImkCvc3).Tdes;
        if (staticTrack.IsEmpty)
        {
            throw new CryptoException("The static track image is empty.");
        }

        return Cvc3Algorithm.Ivcvc3(CardKey(master, pan, psn, derivation), staticTrack);
    }

    public string Cvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ushort ivcvc3, uint unpredictableNumber, ushort atc)
    {
        Span<char> value = stackalloc char[5];
        ComputeCvc3(imkCvc3, pan, psn, derivation, ivcvc3, unpredictableNumber, atc, value);
        return new string(value);
    }

    public bool VerifyCvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ushort ivcvc3, uint unpredictableNumber, ushort atc, ReadOnlySpan<char> value)
    {
        Span<char> expected = stackalloc char[5];
        ComputeCvc3(imkCvc3, pan, psn, derivation, ivcvc3, unpredictableNumber, atc, expected);
        return value.Length is >= 3 and <= 5 && ConstantTime.DigitsEqual(expected[^value.Length..], value);
    }

    public string Dcvv(KeyHandle imkDcvv, ReadOnlySpan<char> pan, IccDerivation derivation, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ushort atc)
    {
        Span<char> value = stackalloc char[3];
        ComputeDcvv(imkDcvv, pan, derivation, expiry, serviceCode, atc, value);
        return new string(value);
    }

    public bool VerifyDcvv(KeyHandle imkDcvv, ReadOnlySpan<char> pan, IccDerivation derivation, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ushort atc, ReadOnlySpan<char> value)
    {
        Span<char> expected = stackalloc char[3];
        ComputeDcvv(imkDcvv, pan, derivation, expiry, serviceCode, atc, expected);
        return ConstantTime.DigitsEqual(expected, value);
    }

    private void ComputeCvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ushort ivcvc3, uint unpredictableNumber, ushort atc, Span<char> fiveDigits)
    {
        var master = Use(imkCvc3, "CVC3", KeyUsage.ImkCvc3).Tdes;
        var cvc3 = Cvc3Algorithm.Compute(CardKey(master, pan, psn, derivation), ivcvc3, unpredictableNumber, atc);
        Cvc3Algorithm.Format(cvc3, fiveDigits);
    }

    /// <summary>§4: UDK with PSN 00, then the CVV method over hex(ATC) ‖ PAN[4:].</summary>
    private void ComputeDcvv(KeyHandle imkDcvv, ReadOnlySpan<char> pan, IccDerivation derivation, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ushort atc, Span<char> threeDigits)
    {
        var master = Use(imkDcvv, "dCVV", KeyUsage.ImkDcvv).Tdes;
        RequireCvvData(pan, expiry, serviceCode);
        DcvvAlgorithm.Compute(CardKey(master, pan, "00", derivation), pan, expiry, serviceCode, atc, threeDigits);
    }

    private static TdesKey CardKey(TdesKey master, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation)
    {
        DigitInput.RequirePan(pan);
        DigitInput.Require(psn, 2, 2, "PAN sequence number");
        return IccKeyDerivation.CardKey(master, pan, psn, derivation);
    }
}
