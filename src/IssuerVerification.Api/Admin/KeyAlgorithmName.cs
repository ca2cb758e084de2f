using System.Text.Json.Serialization;

namespace IssuerVerification.Api.Admin;

public enum KeyAlgorithmName
{
    [JsonStringEnumMemberName("TDES_2KEY")] Tdes2Key,
    [JsonStringEnumMemberName("HMAC_SHA1")] HmacSha1,
}
