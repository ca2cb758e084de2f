using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Chain",
                table: "AuditLog",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "Mac",
                table: "AuditLog",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "RequestId",
                table: "AuditLog",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "AuditLog",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "AuditLog",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Target",
                table: "AuditLog",
                type: "text",
                nullable: true);

            migrationBuilder.Sql(AuditChainData.MarkUnchained);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Chain_Seq",
                table: "AuditLog",
                columns: new[] { "Chain", "Seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditLog_Chain_Seq",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Chain",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Mac",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Target",
                table: "AuditLog");
        }
    }
}
