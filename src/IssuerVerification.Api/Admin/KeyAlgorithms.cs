using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>How the API spells the algorithms an issuer key can have.</summary>
internal static class KeyAlgorithms
{
    /// <summary>The algorithm asked for; TDES_2KEY when none is given.</summary>
    public static KeyAlgorithm ToDomain(KeyAlgorithmName? name) => name switch
    {
        KeyAlgorithmName.HmacSha1 => KeyAlgorithm.HmacSha1,
        KeyAlgorithmName.Tdes3Key => KeyAlgorithm.Tdes3Key,
        KeyAlgorithmName.Aes256 => KeyAlgorithm.Aes256,
        _ => KeyAlgorithm.Tdes2Key,
    };

    public static KeyAlgorithmName FromDomain(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.HmacSha1 => KeyAlgorithmName.HmacSha1,
        KeyAlgorithm.Tdes3Key => KeyAlgorithmName.Tdes3Key,
        KeyAlgorithm.Aes256 => KeyAlgorithmName.Aes256,
        _ => KeyAlgorithmName.Tdes2Key,
    };

    /// <summary>The length of a component or cryptogram of this algorithm, in hex characters.</summary>
    public static int HexLength(KeyAlgorithm algorithm) => algorithm == KeyAlgorithm.HmacSha1 ? 40 : KeyUsages.KeyLength(algorithm) * 2;
}
