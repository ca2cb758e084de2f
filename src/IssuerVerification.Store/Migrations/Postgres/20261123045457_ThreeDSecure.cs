using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IssuerVerification.Store.Migrations.Postgres
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
                    AcsTransId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThreeDsServerTransId = table.Column<string>(type: "text", nullable: false),
                    RequestHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    MessageVersion = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Network = table.Column<string>(type: "text", nullable: false),
                    CardFingerprint = table.Column<byte[]>(type: "bytea", nullable: false),
                    CardId = table.Column<Guid>(type: "uuid", nullable: true),
                    PanEncrypted = table.Column<byte[]>(type: "bytea", nullable: true),
                    MaskedPan = table.Column<string>(type: "text", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "text", nullable: true),
                    Exponent = table.Column<int>(type: "integer", nullable: true),
                    MerchantName = table.Column<string>(type: "text", nullable: true),
                    NotificationUrl = table.Column<string>(type: "text", nullable: true),
                    AresStatus = table.Column<string>(type: "text", nullable: false),
                    AresReason = table.Column<string>(type: "text", nullable: true),
                    TransStatus = table.Column<string>(type: "text", nullable: false),
                    TransStatusReason = table.Column<string>(type: "text", nullable: true),
                    Eci = table.Column<string>(type: "text", nullable: true),
                    SealedValue = table.Column<byte[]>(type: "bytea", nullable: true),
                    DeliveryChannel = table.Column<string>(type: "text", nullable: true),
                    MaskedRecipient = table.Column<string>(type: "text", nullable: true),
                    ChallengeMaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    ChallengeMaxSends = table.Column<int>(type: "integer", nullable: false),
                    CodeHash = table.Column<byte[]>(type: "bytea", nullable: true),
                    Sends = table.Column<int>(type: "integer", nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    ChallengeCancel = table.Column<string>(type: "text", nullable: true),
                    Trace = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreeDsAuthentications", x => x.AcsTransId);
                });

            migrationBuilder.CreateTable(
                name: "ThreeDsHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AcsTransId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThreeDsServerTransId = table.Column<string>(type: "text", nullable: false),
                    MaskedPan = table.Column<string>(type: "text", nullable: false),
                    Bin = table.Column<string>(type: "text", nullable: false),
                    Last4 = table.Column<string>(type: "text", nullable: false),
                    Network = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    TransStatus = table.Column<string>(type: "text", nullable: false),
                    TransStatusReason = table.Column<string>(type: "text", nullable: true),
                    Eci = table.Column<string>(type: "text", nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "text", nullable: true),
                    Exponent = table.Column<int>(type: "integer", nullable: true),
                    MerchantName = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Trace = table.Column<string>(type: "text", nullable: false),
                    Chain = table.Column<string>(type: "text", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Link = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreeDsHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThreeDsHistoryCheckpoints",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "text", nullable: false),
                    NextSeq = table.Column<long>(type: "bigint", nullable: false),
                    Link = table.Column<byte[]>(type: "bytea", nullable: false),
                    PurgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreeDsHistoryCheckpoints", x => x.Chain);
                });

            migrationBuilder.CreateTable(
                name: "ThreeDsIssuedValues",
                columns: table => new
                {
                    ValueHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    AcsTransId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
