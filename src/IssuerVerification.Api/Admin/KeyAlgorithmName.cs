using System.Text.Json.Serialization;

namespace IssuerVerification.Api.Admin;

public enum KeyAlgorithmName
{
    [JsonStringEnumMemberName("TDES_2KEY")] Tdes2Key,
    [JsonStringEnumMemberName("HMAC_SHA1")] HmacSha1,
    [JsonStringEnumMemberName("TDES_3KEY")] Tdes3Key,
    [JsonStringEnumMemberName("AES_256")] Aes256,
}
