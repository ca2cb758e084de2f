using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeySlotsAndIdempotencyLocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Keys",
                table: "CardRanges",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.Sql(RangeKeySlotsData.CopySlotColumns());

            migrationBuilder.DropColumn(
                name: "Keys_Aav",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "Keys_Cavv",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "Keys_Cvc3",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "Keys_Cvv1",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "Keys_Cvv2",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "Keys_Dcvv",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "Keys_Dcvv2",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "Keys_Icvv",
                table: "CardRanges");

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "IdempotencyRecords",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Location",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "Keys",
                table: "CardRanges");

            migrationBuilder.AddColumn<string>(
                name: "Keys_Aav",
                table: "CardRanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keys_Cavv",
                table: "CardRanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keys_Cvc3",
                table: "CardRanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keys_Cvv1",
                table: "CardRanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keys_Cvv2",
                table: "CardRanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keys_Dcvv",
                table: "CardRanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keys_Dcvv2",
                table: "CardRanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keys_Icvv",
                table: "CardRanges",
                type: "TEXT",
                nullable: true);
        }
    }
}
