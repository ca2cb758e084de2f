using System.Text.Json.Serialization;

namespace IssuerVerification.Api.Admin;

public enum ExpiryFormatName
{
    [JsonStringEnumMemberName("YYMM")] Yymm,
    [JsonStringEnumMemberName("MMYY")] Mmyy,
}
