using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>Import a key from 1–3 clear hex components (XORed), or generate one when <c>components</c> is absent.</summary>
/// <param name="Alias">Unique name the card ranges refer to.</param>
/// <param name="Usage">What the key is for.</param>
/// <param name="Algorithm">TDES_2KEY (default; 16-byte components) or HMAC_SHA1 (20 bytes, for AAV).</param>
/// <param name="Components">Clear key components in hex, one per custodian.</param>
public sealed record CreateKeyRequest(string Alias, KeyUsage Usage, KeyAlgorithmName? Algorithm = null, IReadOnlyList<string>? Components = null);
