using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClientKeyRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PreviousKeyExpiresAt",
                table: "ApiClients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PreviousKeyHash",
                table: "ApiClients",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiClients_PreviousKeyHash",
                table: "ApiClients",
                column: "PreviousKeyHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ApiClients_PreviousKeyHash",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "PreviousKeyExpiresAt",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "PreviousKeyHash",
                table: "ApiClients");
        }
    }
}
