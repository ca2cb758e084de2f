using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IssuedValuePerAuthentication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ThreeDsIssuedValues",
                table: "ThreeDsIssuedValues");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ThreeDsIssuedValues",
                table: "ThreeDsIssuedValues",
                column: "AcsTransId");

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsIssuedValues_ValueHash",
                table: "ThreeDsIssuedValues",
                column: "ValueHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ThreeDsIssuedValues",
                table: "ThreeDsIssuedValues");

            migrationBuilder.DropIndex(
                name: "IX_ThreeDsIssuedValues_ValueHash",
                table: "ThreeDsIssuedValues");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ThreeDsIssuedValues",
                table: "ThreeDsIssuedValues",
                column: "ValueHash");
        }
    }
}
