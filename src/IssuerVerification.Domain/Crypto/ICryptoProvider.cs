namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Every cryptographic operation of the service, by key handle. Clear keys never leave the
/// provider: a software provider unwraps them under its master key, an HSM under its LMK.
/// Digit inputs are ASCII digit strings ('0'–'9'; hex digits where noted); every method refuses a
/// key whose usage does not fit the operation with <see cref="CryptoException"/>.
/// See docs/crypto-provider.md for what each operation must do and which vectors it must pass.
/// </summary>
public interface ICryptoProvider
{
    /// <summary>Generates a random key and returns it wrapped.</summary>
    KeyHandle GenerateKey(Guid id, KeyUsage usage, KeyAlgorithm algorithm);

    /// <summary>Imports a key from 1–3 clear components, XORed together, and returns it wrapped.</summary>
    KeyHandle ImportKey(Guid id, KeyUsage usage, KeyAlgorithm algorithm, IReadOnlyList<byte[]> components);

    /// <summary>Key check value, upper-case hex: first 3 bytes of TDES(K, 0…0) for TDES keys.</summary>
    string CheckValue(KeyHandle key);

    /// <summary>True when the key is wrapped under the current master key.</summary>
    bool IsCurrent(KeyHandle key);

    /// <summary>Re-wraps a key (wrapped under the current or a previous master key) under the current master key.</summary>
    KeyHandle Rewrap(KeyHandle key);

    /// <summary>Visa CVV method (§1): CVV1/CVV2/iCVV and CAVV output; <paramref name="digits"/> digits.</summary>
    string Cvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, int digits = 3);

    /// <summary>Recomputes a CVV and compares it with <paramref name="value"/> in constant time.</summary>
    bool VerifyCvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ReadOnlySpan<char> value);

    /// <summary>dCVV2 of time window <paramref name="windowIndex"/> (§9), 3 digits.</summary>
    string Dcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex);

    /// <summary>Recomputes the dCVV2 of a window and compares it in constant time.</summary>
    bool VerifyDcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex, ReadOnlySpan<char> value);

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

    /// <summary>The 20-byte Visa CAVV field (§5).</summary>
    byte[] VisaCavv(KeyHandle cavvKey, VisaCavvInput input);

    /// <summary>The 20-byte Mastercard AAV, SPA with HMAC-SHA1 (§6).</summary>
    byte[] MastercardAav(KeyHandle aavKey, MastercardAavInput input);

    /// <summary>Keyed fingerprint of a PAN (HMAC-SHA256), used to find a card without storing its PAN.</summary>
    byte[] PanFingerprint(KeyHandle key, ReadOnlySpan<char> pan);

    /// <summary>Encrypts a PAN (AES-256-GCM) for storage.</summary>
    byte[] EncryptPan(KeyHandle key, ReadOnlySpan<char> pan);

    /// <summary>Decrypts a PAN encrypted by <see cref="EncryptPan"/>; refuses tampered data.</summary>
    string DecryptPan(KeyHandle key, byte[] encrypted);

    /// <summary>Encrypts data that must be kept but never in clear (AES-256-GCM under a PanEncryption key).</summary>
    byte[] Seal(KeyHandle key, ReadOnlySpan<byte> plaintext);

    /// <summary>Decrypts data sealed by <see cref="Seal"/>; refuses tampered data.</summary>
    byte[] Unseal(KeyHandle key, byte[] sealedData);

    /// <summary>Signs <paramref name="payload"/> (UTF-8 JSON) as a compact JWS with ES256; the header carries the key id.</summary>
    string SignJws(KeyHandle signingKey, ReadOnlySpan<byte> payload);

    /// <summary>The public part of a signing key as a JWK (kty EC, crv P-256, x, y, kid, alg ES256, use sig).</summary>
    IReadOnlyDictionary<string, string> PublicJwk(KeyHandle signingKey);
}
