using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>Open a key ceremony: the key is made from <c>componentCount</c> components, each submitted by a different custodian.</summary>
/// <param name="Alias">The alias the key will have; no key may have it yet.</param>
/// <param name="Usage">What the key is for.</param>
/// <param name="Algorithm">TDES_2KEY (default; 16-byte components), HMAC_SHA1 (20 bytes, for AAV), or for a KEK TDES_3KEY (24 bytes) or AES_256 (32 bytes).</param>
/// <param name="Exportable">Whether the key made may be exported under a KEK; set now or never. Default false.</param>
/// <param name="ComponentCount">How many custodians each submit one component: 2 or 3 (1 only where single-component ceremonies are allowed, e.g. Development).</param>
public sealed record OpenKeyCeremonyRequest(string Alias, KeyUsage Usage, int ComponentCount, KeyAlgorithmName? Algorithm = null, bool Exportable = false);
