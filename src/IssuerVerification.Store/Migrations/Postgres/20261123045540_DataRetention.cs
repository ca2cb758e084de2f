using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "text", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Link = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Chain);
                });

            migrationBuilder.Sql(AuditPartitionsData.Partition);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditPartitionsData.Unpartition);

            migrationBuilder.DropTable(
                name: "AuditCheckpoints");
        }
    }
}
