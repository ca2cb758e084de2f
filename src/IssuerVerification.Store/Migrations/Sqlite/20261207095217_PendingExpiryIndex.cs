using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PendingExpiryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TokenVerifications_Status_ExpiresAt",
                table: "TokenVerifications");

            migrationBuilder.CreateIndex(
                name: "IX_TokenVerifications_ExpiresAt",
                table: "TokenVerifications",
                column: "ExpiresAt",
                filter: "\"Status\" = 'PendingIdv'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TokenVerifications_ExpiresAt",
                table: "TokenVerifications");

            migrationBuilder.CreateIndex(
                name: "IX_TokenVerifications_Status_ExpiresAt",
                table: "TokenVerifications",
                columns: new[] { "Status", "ExpiresAt" });
        }
    }
}
