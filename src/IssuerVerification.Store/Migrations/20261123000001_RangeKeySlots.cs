using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IssuerVerification.Store.Migrations;

/// <summary>A card range's key slots move from one column per slot to one JSON object (slot name → alias).</summary>
[DbContext(typeof(IssuerDbContext))]
[Migration("20261123000001_RangeKeySlots")]
public sealed class RangeKeySlots : Migration
{
    private static readonly string[] Slots = ["Cvv1", "Cvv2", "Icvv", "Dcvv2", "Cvc3", "Dcvv", "Cavv", "Aav"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Keys", "CardRanges", nullable: false, defaultValue: "{}");
        // Aliases hold only letters, digits, '.', '_' and '-', so plain concatenation builds valid JSON on both providers.
        var members = string.Join(" || ", Slots.Select(s =>
            $"COALESCE('\"{s.ToLowerInvariant()}\":\"' || \"Keys_{s}\" || '\",', '')"));
        migrationBuilder.Sql($"UPDATE \"CardRanges\" SET \"Keys\" = '{{' || RTRIM({members}, ',') || '}}'");
        // Plain SQL: both PostgreSQL and SQLite (3.35+) drop a column in place.
        foreach (var slot in Slots)
        {
            migrationBuilder.Sql($"ALTER TABLE \"CardRanges\" DROP COLUMN \"Keys_{slot}\"");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Restore a backup taken before this migration.");
}
