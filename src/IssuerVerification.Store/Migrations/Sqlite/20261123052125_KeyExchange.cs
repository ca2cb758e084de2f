using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyExchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Exportable",
                table: "Keys",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LegacyKeyBlock",
                table: "Keys",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Exportable",
                table: "KeyCeremonies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Exportable",
                table: "Keys");

            migrationBuilder.DropColumn(
                name: "LegacyKeyBlock",
                table: "Keys");

            migrationBuilder.DropColumn(
                name: "Exportable",
                table: "KeyCeremonies");
        }
    }
}
