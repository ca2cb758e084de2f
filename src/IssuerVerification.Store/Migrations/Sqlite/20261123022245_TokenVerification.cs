using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TokenVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TokenVerification_OtpMaxAttempts",
                table: "CardRanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TokenVerification_OtpMaxSends",
                table: "CardRanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TokenVerification_RedFromScore",
                table: "CardRanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TokenVerification_StepUpMinutes",
                table: "CardRanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TokenVerification_YellowFromScore",
                table: "CardRanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(TokenVerificationDefaultsData.FillRangeDefaults());

            migrationBuilder.CreateTable(
                name: "TokenBindings",
                columns: table => new
                {
                    TokenReference = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", nullable: true),
                    PasskeyCredentialId = table.Column<string>(type: "TEXT", nullable: true),
                    BoundAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VerificationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenBindings", x => new { x.TokenReference, x.Subject });
                });

            migrationBuilder.CreateTable(
                name: "TokenCallbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VerificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenReference = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenCallbacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TokenVerifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestType = table.Column<string>(type: "TEXT", nullable: false),
                    Network = table.Column<string>(type: "TEXT", nullable: false),
                    TokenReference = table.Column<string>(type: "TEXT", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CardFingerprint = table.Column<byte[]>(type: "BLOB", nullable: false),
                    RequestorId = table.Column<string>(type: "TEXT", nullable: false),
                    RequestorName = table.Column<string>(type: "TEXT", nullable: true),
                    MerchantId = table.Column<string>(type: "TEXT", nullable: true),
                    DeviceId = table.Column<string>(type: "TEXT", nullable: true),
                    DeviceName = table.Column<string>(type: "TEXT", nullable: true),
                    DeviceType = table.Column<string>(type: "TEXT", nullable: true),
                    PasskeyCredentialId = table.Column<string>(type: "TEXT", nullable: true),
                    RiskScore = table.Column<int>(type: "INTEGER", nullable: true),
                    CallbackUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    IdvMethods = table.Column<string>(type: "TEXT", nullable: false),
                    OtpMaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    OtpMaxSends = table.Column<int>(type: "INTEGER", nullable: false),
                    OtpHash = table.Column<byte[]>(type: "BLOB", nullable: true),
                    OtpSends = table.Column<int>(type: "INTEGER", nullable: false),
                    OtpFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenVerifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TokenCallbacks_DeliveredAt_NextAttemptAt",
                table: "TokenCallbacks",
                columns: new[] { "DeliveredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TokenVerifications_Status_ExpiresAt",
                table: "TokenVerifications",
                columns: new[] { "Status", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TokenBindings");

            migrationBuilder.DropTable(
                name: "TokenCallbacks");

            migrationBuilder.DropTable(
                name: "TokenVerifications");

            migrationBuilder.DropColumn(
                name: "TokenVerification_OtpMaxAttempts",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "TokenVerification_OtpMaxSends",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "TokenVerification_RedFromScore",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "TokenVerification_StepUpMinutes",
                table: "CardRanges");

            migrationBuilder.DropColumn(
                name: "TokenVerification_YellowFromScore",
                table: "CardRanges");
        }
    }
}
