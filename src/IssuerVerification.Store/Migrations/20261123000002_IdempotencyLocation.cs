using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IssuerVerification.Store.Migrations;

/// <summary>An idempotent response keeps its Location header, so a replayed 201 carries it too.</summary>
[DbContext(typeof(IssuerDbContext))]
[Migration("20261123000002_IdempotencyLocation")]
public sealed class IdempotencyLocation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("Location", "IdempotencyRecords", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE \"IdempotencyRecords\" DROP COLUMN \"Location\"");
}
