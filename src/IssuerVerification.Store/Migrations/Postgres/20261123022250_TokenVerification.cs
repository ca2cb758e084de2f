using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IssuerVerification.Store.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TokenVerification_OtpMaxSends",
                table: "CardRanges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TokenVerification_RedFromScore",
                table: "CardRanges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TokenVerification_StepUpMinutes",
                table: "CardRanges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TokenVerification_YellowFromScore",
                table: "CardRanges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(TokenVerificationDefaultsData.FillRangeDefaults());

            migrationBuilder.CreateTable(
                name: "TokenBindings",
                columns: table => new
                {
                    TokenReference = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    DeviceId = table.Column<string>(type: "text", nullable: true),
                    PasskeyCredentialId = table.Column<string>(type: "text", nullable: true),
                    BoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerificationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenBindings", x => new { x.TokenReference, x.Subject });
                });

            migrationBuilder.CreateTable(
                name: "TokenCallbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VerificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenReference = table.Column<string>(type: "text", nullable: false),
                    Url = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenCallbacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TokenVerifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestType = table.Column<string>(type: "text", nullable: false),
                    Network = table.Column<string>(type: "text", nullable: false),
                    TokenReference = table.Column<string>(type: "text", nullable: false),
                    CardId = table.Column<Guid>(type: "uuid", nullable: true),
                    CardFingerprint = table.Column<byte[]>(type: "bytea", nullable: false),
                    RequestorId = table.Column<string>(type: "text", nullable: false),
                    RequestorName = table.Column<string>(type: "text", nullable: true),
                    MerchantId = table.Column<string>(type: "text", nullable: true),
                    DeviceId = table.Column<string>(type: "text", nullable: true),
                    DeviceName = table.Column<string>(type: "text", nullable: true),
                    DeviceType = table.Column<string>(type: "text", nullable: true),
                    PasskeyCredentialId = table.Column<string>(type: "text", nullable: true),
                    RiskScore = table.Column<int>(type: "integer", nullable: true),
                    CallbackUrl = table.Column<string>(type: "text", nullable: true),
                    Decision = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    IdvMethods = table.Column<string>(type: "text", nullable: false),
                    OtpMaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    OtpMaxSends = table.Column<int>(type: "integer", nullable: false),
                    OtpHash = table.Column<byte[]>(type: "bytea", nullable: true),
                    OtpSends = table.Column<int>(type: "integer", nullable: false),
                    OtpFailures = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
