namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Contactless dynamic values from keys derived per card from an issuer master key: Mastercard CVC3 and Visa dCVV (docs/algorithms.md §2–§4).
/// Digit inputs are ASCII digit strings; every method refuses a key whose usage does not fit the operation
/// with <see cref="CryptoException"/>. See docs/crypto-provider.md.
/// </summary>
public interface IContactlessCodes
{
    /// <summary>KCV (2 bytes, hex) of the ICC master key derived from an IMK (§2): lets a personalisation check compare card keys.</summary>
    string IccKeyCheckValue(KeyHandle imk, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation);

    /// <summary>IVCVC3 (§3) from the card's static track image (track 2 as packed nibbles, or track 1 ASCII bytes).</summary>
    ushort Ivcvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ReadOnlySpan<byte> staticTrack);

    /// <summary>CVC3 (§3) as 5 decimal digits with leading zeros. <paramref name="unpredictableNumber"/> is the 4-byte BCD UN.</summary>
    string Cvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ushort ivcvc3, uint unpredictableNumber, ushort atc);

    /// <summary>Compares the 3–5 rightmost CVC3 digits given in <paramref name="value"/> in constant time.</summary>
    bool VerifyCvc3(KeyHandle imkCvc3, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, ushort ivcvc3, uint unpredictableNumber, ushort atc, ReadOnlySpan<char> value);

    /// <summary>Visa dCVV (§4): UDK from the IMK (PSN 00), ATC over the leftmost 4 PAN digits, 3 digits.</summary>
    string Dcvv(KeyHandle imkDcvv, ReadOnlySpan<char> pan, IccDerivation derivation, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ushort atc);

    /// <summary>Recomputes a dCVV and compares it in constant time.</summary>
    bool VerifyDcvv(KeyHandle imkDcvv, ReadOnlySpan<char> pan, IccDerivation derivation, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ushort atc, ReadOnlySpan<char> value);
}
