using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenChallengeExpiryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ThreeDsAuthentications_TransStatus_ExpiresAt",
                table: "ThreeDsAuthentications");

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsAuthentications_ExpiresAt",
                table: "ThreeDsAuthentications",
                column: "ExpiresAt",
                filter: "\"TransStatus\" = 'C'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ThreeDsAuthentications_ExpiresAt",
                table: "ThreeDsAuthentications");

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsAuthentications_TransStatus_ExpiresAt",
                table: "ThreeDsAuthentications",
                columns: new[] { "TransStatus", "ExpiresAt" });
        }
    }
}
