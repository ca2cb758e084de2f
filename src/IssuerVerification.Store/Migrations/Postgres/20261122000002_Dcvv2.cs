using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IssuerVerification.Store.Migrations.Postgres;

/// <summary>dCVV2 issuances (windows, never values) and used single-use windows.</summary>
[DbContext(typeof(PostgresIssuerDbContext))]
[Migration("20261122000002_Dcvv2")]
public sealed class Dcvv2 : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("Dcvv2Issuances", t => new
        {
            Id = t.Column<Guid>(),
            CardFingerprint = t.Column<byte[]>(),
            FirstWindow = t.Column<long>(),
            LastWindow = t.Column<long>(),
            WindowMinutes = t.Column<int>(),
            IssuedAt = t.Column<DateTime>(),
            Client = t.Column<string>(),
        }, constraints: t => t.PrimaryKey("PK_Dcvv2Issuances", c => c.Id));
        migrationBuilder.CreateIndex("IX_Dcvv2Issuances_CardFingerprint", "Dcvv2Issuances", "CardFingerprint");

        migrationBuilder.CreateTable("Dcvv2UsedWindows", t => new
        {
            CardFingerprint = t.Column<byte[]>(),
            WindowMinutes = t.Column<int>(),
            WindowIndex = t.Column<long>(),
            UsedAt = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_Dcvv2UsedWindows", c => new { c.CardFingerprint, c.WindowMinutes, c.WindowIndex }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Dcvv2UsedWindows");
        migrationBuilder.DropTable("Dcvv2Issuances");
    }
}
