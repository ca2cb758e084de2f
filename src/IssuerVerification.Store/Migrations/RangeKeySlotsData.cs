namespace IssuerVerification.Store.Migrations;

/// <summary>Data step of KeySlotsAndIdempotencyLocation, the same on both providers.</summary>
internal static class RangeKeySlotsData
{
    private static readonly string[] Slots = ["Cvv1", "Cvv2", "Icvv", "Dcvv2", "Cvc3", "Dcvv", "Cavv", "Aav"];

    /// <summary>
    /// Fills the new "Keys" column from the old column per slot, as a JSON object slot name → alias. Aliases hold only
    /// letters, digits, '.', '_' and '-', so plain concatenation (|| and RTRIM exist in PostgreSQL and SQLite) builds valid JSON.
    /// </summary>
    public static string CopySlotColumns()
    {
        var members = string.Join(" || ", Slots.Select(s => $"COALESCE('\"{s.ToLowerInvariant()}\":\"' || \"Keys_{s}\" || '\",', '')"));
        return $"UPDATE \"CardRanges\" SET \"Keys\" = '{{' || RTRIM({members}, ',') || '}}'";
    }
}
