namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// 3-D Secure authentication values: the Visa CAVV and the Mastercard AAV (docs/algorithms.md §5 and §6).
/// Digit inputs are ASCII digit strings; every method refuses a key whose usage does not fit the operation
/// with <see cref="CryptoException"/>. See docs/crypto-provider.md.
/// </summary>
public interface IThreeDSecureValues
{
    /// <summary>The 20-byte Visa CAVV field (§5).</summary>
    byte[] VisaCavv(KeyHandle cavvKey, VisaCavvInput input);

    /// <summary>The 20-byte Mastercard AAV, SPA with HMAC-SHA1 (§6).</summary>
    byte[] MastercardAav(KeyHandle aavKey, MastercardAavInput input);
}
