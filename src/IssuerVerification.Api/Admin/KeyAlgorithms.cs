using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>How the API spells the algorithms an issuer key can have.</summary>
internal static class KeyAlgorithms
{
    /// <summary>The algorithm asked for; TDES_2KEY when none is given.</summary>
    public static KeyAlgorithm ToDomain(KeyAlgorithmName? name) => name == KeyAlgorithmName.HmacSha1 ? KeyAlgorithm.HmacSha1 : KeyAlgorithm.Tdes2Key;

    public static KeyAlgorithmName FromDomain(KeyAlgorithm algorithm) =>
        algorithm == KeyAlgorithm.HmacSha1 ? KeyAlgorithmName.HmacSha1 : KeyAlgorithmName.Tdes2Key;
}
