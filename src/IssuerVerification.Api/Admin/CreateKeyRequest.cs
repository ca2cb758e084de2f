using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>
/// Create a key, in one of four forms: generated (no <c>components</c>, no <c>kekAlias</c>); from 1–3 clear hex
/// <c>components</c> (XORed); from a TR-31 <c>keyBlock</c> under the KEK <c>kekAlias</c>; or from a TDES-ECB
/// <c>cryptogram</c> under the ZMK <c>kekAlias</c> with the <c>kcv</c> the key must have.
/// </summary>
/// <param name="Alias">Unique name the card ranges refer to.</param>
/// <param name="Usage">What the key is for.</param>
/// <param name="Algorithm">TDES_2KEY (default; 16-byte components), HMAC_SHA1 (20 bytes, for AAV), or for a KEK TDES_3KEY (24 bytes) or AES_256 (32 bytes). Not given with a key block, which states it.</param>
/// <param name="Components">Clear key components in hex, one per custodian.</param>
/// <param name="Exportable">Whether the key may later be exported under a KEK (POST /v1/admin/keys/{alias}/export); set now or never. Default false.</param>
/// <param name="KekAlias">The KEK (usage KEK) that protects <c>keyBlock</c> or <c>cryptogram</c>.</param>
/// <param name="KeyBlock">A TR-31 key block (version B or D; A and C accepted as legacy) whose key usage, algorithm and mode of use fit <c>usage</c> (docs/key-management.md).</param>
/// <param name="Cryptogram">The key encrypted with TDES-ECB under the ZMK <c>kekAlias</c>, in hex.</param>
/// <param name="Kcv">The check value the key in <c>cryptogram</c> must have: 6 hex characters.</param>
public sealed record CreateKeyRequest(
    string Alias,
    KeyUsage Usage,
    KeyAlgorithmName? Algorithm = null,
    IReadOnlyList<string>? Components = null,
    bool Exportable = false,
    string? KekAlias = null,
    string? KeyBlock = null,
    string? Cryptogram = null,
    string? Kcv = null);
