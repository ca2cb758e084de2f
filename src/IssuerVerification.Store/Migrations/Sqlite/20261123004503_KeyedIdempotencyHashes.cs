using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyedIdempotencyHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Records made before keyed hashes hold an unkeyed SHA-256 of their request (which may hold a PAN) and
            // responses sealed under the PAN-encryption key: dropping them costs at most a replay within 24 hours.
            migrationBuilder.Sql("DELETE FROM \"IdempotencyRecords\";");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_CreatedAt",
                table: "IdempotencyRecords",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IdempotencyRecords_CreatedAt",
                table: "IdempotencyRecords");
        }
    }
}
