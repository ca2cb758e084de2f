using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AtRestVersion",
                table: "Cards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<byte[]>(
                name: "Cardholder_SealedContacts",
                table: "Cards",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Cvc3Digits",
                table: "CardRanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<bool>(
                name: "GenerateForUnregisteredCards",
                table: "CardRanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AtRestVersion",
                table: "Cards");

            migrationBuilder.DropColumn(
                name: "Cardholder_SealedContacts",
                table: "Cards");

            migrationBuilder.DropColumn(
                name: "Cvc3Digits",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "GenerateForUnregisteredCards",
                table: "CardRanges");
        }
    }
}
