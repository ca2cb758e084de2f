using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ThreeDSecure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ThreeDsAuthentications",
                columns: table => new
                {
                    AcsTransId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreeDsServerTransId = table.Column<string>(type: "TEXT", nullable: false),
                    RequestHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    MessageVersion = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Network = table.Column<string>(type: "TEXT", nullable: false),
                    CardFingerprint = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PanEncrypted = table.Column<byte[]>(type: "BLOB", nullable: true),
                    MaskedPan = table.Column<string>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", nullable: true),
                    Exponent = table.Column<int>(type: "INTEGER", nullable: true),
                    MerchantName = table.Column<string>(type: "TEXT", nullable: true),
                    NotificationUrl = table.Column<string>(type: "TEXT", nullable: true),
                    AresStatus = table.Column<string>(type: "TEXT", nullable: false),
                    AresReason = table.Column<string>(type: "TEXT", nullable: true),
                    TransStatus = table.Column<string>(type: "TEXT", nullable: false),
                    TransStatusReason = table.Column<string>(type: "TEXT", nullable: true),
                    Eci = table.Column<string>(type: "TEXT", nullable: true),
                    SealedValue = table.Column<byte[]>(type: "BLOB", nullable: true),
                    DeliveryChannel = table.Column<string>(type: "TEXT", nullable: true),
                    MaskedRecipient = table.Column<string>(type: "TEXT", nullable: true),
                    ChallengeMaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ChallengeMaxSends = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeHash = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Sends = table.Column<int>(type: "INTEGER", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    ChallengeCancel = table.Column<string>(type: "TEXT", nullable: true),
                    Trace = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreeDsAuthentications", x => x.AcsTransId);
                });

            migrationBuilder.CreateTable(
                name: "ThreeDsHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AcsTransId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreeDsServerTransId = table.Column<string>(type: "TEXT", nullable: false),
                    MaskedPan = table.Column<string>(type: "TEXT", nullable: false),
                    Bin = table.Column<string>(type: "TEXT", nullable: false),
                    Last4 = table.Column<string>(type: "TEXT", nullable: false),
                    Network = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    TransStatus = table.Column<string>(type: "TEXT", nullable: false),
                    TransStatusReason = table.Column<string>(type: "TEXT", nullable: true),
                    Eci = table.Column<string>(type: "TEXT", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", nullable: true),
                    Exponent = table.Column<int>(type: "INTEGER", nullable: true),
                    MerchantName = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Trace = table.Column<string>(type: "TEXT", nullable: false),
                    Chain = table.Column<string>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Link = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreeDsHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThreeDsHistoryCheckpoints",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "TEXT", nullable: false),
                    NextSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Link = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PurgedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreeDsHistoryCheckpoints", x => x.Chain);
                });

            migrationBuilder.CreateTable(
                name: "ThreeDsIssuedValues",
                columns: table => new
                {
                    ValueHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AcsTransId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreeDsIssuedValues", x => x.ValueHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsAuthentications_ThreeDsServerTransId",
                table: "ThreeDsAuthentications",
                column: "ThreeDsServerTransId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsAuthentications_TransStatus_ExpiresAt",
                table: "ThreeDsAuthentications",
                columns: new[] { "TransStatus", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsHistory_AcsTransId",
                table: "ThreeDsHistory",
                column: "AcsTransId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsHistory_Bin_Last4_CreatedAt",
                table: "ThreeDsHistory",
                columns: new[] { "Bin", "Last4", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsHistory_Chain_Seq",
                table: "ThreeDsHistory",
                columns: new[] { "Chain", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsHistory_CreatedAt",
                table: "ThreeDsHistory",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ThreeDsHistory_TransStatus_CreatedAt",
                table: "ThreeDsHistory",
                columns: new[] { "TransStatus", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ThreeDsAuthentications");

            migrationBuilder.DropTable(
                name: "ThreeDsHistory");

            migrationBuilder.DropTable(
                name: "ThreeDsHistoryCheckpoints");

            migrationBuilder.DropTable(
                name: "ThreeDsIssuedValues");
        }
    }
}
