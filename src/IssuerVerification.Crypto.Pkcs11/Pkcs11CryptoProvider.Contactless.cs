using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>CVC3 and dCVV from card keys derived inside the token from the issuer master key (<see cref="CardKey"/>).</summary>
public sealed partial class Pkcs11CryptoProvider : IContactlessCodes
{
    public string IccKeyCheckValue(KeyHandle imk, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation)
    {
        var (panText, psnText) = (pan.ToString(), psn.ToString());
        return Run(session =>
        {
            using var card = new CardKey(session, Use(session, imk, "ICC key check values", KeyUsage.ImkCvc3, KeyUsage.ImkDcvv), panText, psnText, derivation);
            return KeyCheckValue.Tdes(card.Tdes, 2);
        });
    }

    public ushort Ivcvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ReadOnlySpan<byte> staticTrack)
    {
        var (panText, psnText, track) = (pan.ToString(), psn.ToString(), staticTrack.ToArray());
        return Run(session =>
        {
            var master = Use(session, imkCvc3, "CVC3", KeyUsage.ImkCvc3);
            if (track.Length == 0)
            {
                throw new CryptoException("The static track image is empty.");
            }

            using var card = new CardKey(session, master, panText, psnText, derivation);
            return Cvc3Algorithm.Ivcvc3(card.Tdes, track);
        });
    }

    public string Cvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ushort ivcvc3, uint unpredictableNumber, ushort atc) =>
        ComputeCvc3(imkCvc3, pan.ToString(), psn.ToString(), derivation, ivcvc3, unpredictableNumber, atc);

    public bool VerifyCvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ushort ivcvc3, uint unpredictableNumber, ushort atc, ReadOnlySpan<char> value)
    {
        var expected = ComputeCvc3(imkCvc3, pan.ToString(), psn.ToString(), derivation, ivcvc3, unpredictableNumber, atc);
        return value.Length is >= 3 and <= 5 && ConstantTime.DigitsEqual(expected.AsSpan(5 - value.Length), value);
    }

    public string Dcvv(KeyHandle imkDcvv, ReadOnlySpan<char> pan, IccDerivation derivation, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ushort atc) =>
        ComputeDcvv(imkDcvv, pan.ToString(), derivation, expiry.ToString(), serviceCode.ToString(), atc);

    public bool VerifyDcvv(KeyHandle imkDcvv, ReadOnlySpan<char> pan, IccDerivation derivation, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ushort atc, ReadOnlySpan<char> value) =>
        ConstantTime.DigitsEqual(ComputeDcvv(imkDcvv, pan.ToString(), derivation, expiry.ToString(), serviceCode.ToString(), atc), value);

    private string ComputeCvc3(KeyHandle imkCvc3, string pan, string psn, IccDerivation derivation, ushort ivcvc3, uint unpredictableNumber, ushort atc) => Run(session =>
    {
        using var card = new CardKey(session, Use(session, imkCvc3, "CVC3", KeyUsage.ImkCvc3), pan, psn, derivation);
        var value = new char[5];
        Cvc3Algorithm.Format(Cvc3Algorithm.Compute(card.Tdes, ivcvc3, unpredictableNumber, atc), value);
        return new string(value);
    });

    /// <summary>§4: UDK with PSN 00, then the CVV method over hex(ATC) ‖ PAN[4:].</summary>
    private string ComputeDcvv(KeyHandle imkDcvv, string pan, IccDerivation derivation, string expiry, string serviceCode, ushort atc) => Run(session =>
    {
        var master = Use(session, imkDcvv, "dCVV", KeyUsage.ImkDcvv);
        RequireCvvData(pan, expiry, serviceCode);
        using var udk = new CardKey(session, master, pan, "00", derivation);
        var value = new char[3];
        DcvvAlgorithm.Compute(udk.Tdes, pan, expiry, serviceCode, atc, value);
        return new string(value);
    });
}
