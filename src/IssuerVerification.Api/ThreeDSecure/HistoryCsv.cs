using System.Globalization;
using CsvHelper;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>
/// The history page as CSV (RFC 4180, UTF-8): a header row with the JSON item members, then one row per item, timestamps
/// ISO 8601 UTC. A text field that a spreadsheet would run as a formula (a merchant name such as <c>=HYPERLINK(...)</c>) is escaped.
/// </summary>
public static class HistoryCsv
{
    private static readonly string[] Header =
        ["acsTransID", "maskedPan", "transStatus", "transStatusReason", "eci", "amount", "currency", "exponent", "merchantName",
         "deviceChannel", "messageCategory", "createdAt", "completedAt"];

    public static byte[] Write(IEnumerable<HistoryItemResponse> items)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var i in items)
            {
                csv.WriteRecord([i.AcsTransID.ToString(), i.MaskedPan, i.TransStatus, i.TransStatusReason, i.Eci, Text(i.Amount), i.Currency,
                    Text(i.Exponent), i.MerchantName, i.DeviceChannel, i.MessageCategory, Time(i.CreatedAt), Time(i.CompletedAt)]);
            }
        }
        return stream.ToArray();
    }

    private static string? Text(long? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);
}
