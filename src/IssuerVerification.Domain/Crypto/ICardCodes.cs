namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Static card verification values (Visa CVV method: CVV1, CVV2, iCVV) and this product's time-window dCVV2 (docs/algorithms.md §1 and §9).
/// Digit inputs are ASCII digit strings; every method refuses a key whose usage does not fit the operation
/// with <see cref="CryptoException"/>. See docs/crypto-provider.md.
/// </summary>
public interface ICardCodes
{
    /// <summary>Visa CVV method (§1): CVV1/CVV2/iCVV and CAVV output; <paramref name="digits"/> digits.</summary>
    string Cvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, int digits = 3);

    /// <summary>Recomputes a CVV and compares it with <paramref name="value"/> in constant time.</summary>
    bool VerifyCvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ReadOnlySpan<char> value);

    /// <summary>dCVV2 of time window <paramref name="windowIndex"/> (§9), 3 digits.</summary>
    string Dcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex);

    /// <summary>Recomputes the dCVV2 of a window and compares it in constant time.</summary>
    bool VerifyDcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex, ReadOnlySpan<char> value);
}
