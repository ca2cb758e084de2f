using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IssuerVerification.Store.Migrations.Sqlite;

/// <summary>Initial schema. Written by hand before migrations were generated; the same migration, with the same id, is in both providers' sets.</summary>
[DbContext(typeof(SqliteIssuerDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("ApiClients", t => new
        {
            Id = t.Column<Guid>(),
            Name = t.Column<string>(),
            KeyHash = t.Column<byte[]>(),
            Scopes = t.Column<string>(),
            CreatedAt = t.Column<DateTime>(),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ApiClients", c => c.Id));
        migrationBuilder.CreateIndex("IX_ApiClients_KeyHash", "ApiClients", "KeyHash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiClients_Name", "ApiClients", "Name", unique: true);

        migrationBuilder.CreateTable("Keys", t => new
        {
            Id = t.Column<Guid>(),
            Alias = t.Column<string>(),
            Usage = t.Column<string>(),
            Algorithm = t.Column<string>(),
            Wrapped = t.Column<byte[]>(),
            Kcv = t.Column<string>(),
            Status = t.Column<string>(),
            Version = t.Column<int>(),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_Keys", c => c.Id));
        migrationBuilder.CreateIndex("IX_Keys_Alias", "Keys", "Alias", unique: true);

        migrationBuilder.CreateTable("CardRanges", t => new
        {
            Id = t.Column<Guid>(),
            PanPrefix = t.Column<string>(),
            Network = t.Column<string>(),
            Cvv2ExpiryFormat = t.Column<string>(),
            IccDerivation = t.Column<string>(),
            CreatedAt = t.Column<DateTime>(),
            Keys_Cvv1 = t.Column<string>(nullable: true),
            Keys_Cvv2 = t.Column<string>(nullable: true),
            Keys_Icvv = t.Column<string>(nullable: true),
            Keys_Dcvv2 = t.Column<string>(nullable: true),
            Keys_Cvc3 = t.Column<string>(nullable: true),
            Keys_Dcvv = t.Column<string>(nullable: true),
            Keys_Cavv = t.Column<string>(nullable: true),
            Keys_Aav = t.Column<string>(nullable: true),
            Dcvv2_WindowMinutes = t.Column<int>(),
            Dcvv2_GraceSeconds = t.Column<int>(),
            Dcvv2_SingleUse = t.Column<bool>(),
            Lockout_MaxFailures = t.Column<int>(),
            Lockout_LockMinutes = t.Column<int>(),
            ThreeDs_FrictionlessMaxAmount = t.Column<long>(),
            ThreeDs_ChallengeMaxAttempts = t.Column<int>(),
        }, constraints: t => t.PrimaryKey("PK_CardRanges", c => c.Id));
        migrationBuilder.CreateIndex("IX_CardRanges_PanPrefix", "CardRanges", "PanPrefix", unique: true);

        migrationBuilder.CreateTable("Cards", t => new
        {
            Id = t.Column<Guid>(),
            PanFingerprint = t.Column<byte[]>(),
            PanEncrypted = t.Column<byte[]>(),
            MaskedPan = t.Column<string>(),
            Expiry = t.Column<string>(),
            Psn = t.Column<string>(),
            Status = t.Column<string>(),
            Cardholder_Name = t.Column<string>(nullable: true),
            Cardholder_Phone = t.Column<string>(nullable: true),
            Cardholder_Email = t.Column<string>(nullable: true),
            Cardholder_BankApp = t.Column<bool>(),
            CreatedAt = t.Column<DateTime>(),
            UpdatedAt = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_Cards", c => c.Id));
        migrationBuilder.CreateIndex("IX_Cards_PanFingerprint", "Cards", "PanFingerprint", unique: true);

        migrationBuilder.CreateTable("AtcCounters", t => new
        {
            CardFingerprint = t.Column<byte[]>(),
            Application = t.Column<string>(),
            LastAtc = t.Column<int>(),
        }, constraints: t => t.PrimaryKey("PK_AtcCounters", c => new { c.CardFingerprint, c.Application }));

        migrationBuilder.CreateTable("CardLockouts", t => new
        {
            CardFingerprint = t.Column<byte[]>(),
            ConsecutiveFailures = t.Column<int>(),
            LockedUntil = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_CardLockouts", c => c.CardFingerprint));

        migrationBuilder.CreateTable("IdempotencyRecords", t => new
        {
            Client = t.Column<string>(),
            Key = t.Column<string>(),
            RequestHash = t.Column<byte[]>(),
            StatusCode = t.Column<int>(),
            SealedBody = t.Column<byte[]>(),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_IdempotencyRecords", c => new { c.Client, c.Key }));

        migrationBuilder.CreateTable("Outbox", t => new
        {
            Id = t.Column<Guid>(),
            Channel = t.Column<string>(),
            Recipient = t.Column<string>(),
            Purpose = t.Column<string>(),
            Reference = t.Column<string>(),
            SealedCode = t.Column<byte[]>(),
            CreatedAt = t.Column<DateTime>(),
        }, constraints: t => t.PrimaryKey("PK_Outbox", c => c.Id));
        migrationBuilder.CreateIndex("IX_Outbox_Reference", "Outbox", "Reference");

        migrationBuilder.CreateTable("AuditLog", t => new
        {
            Id = t.Column<long>().Annotation("Sqlite:Autoincrement", true),
            At = t.Column<DateTime>(),
            Client = t.Column<string>(),
            Action = t.Column<string>(),
            CardFingerprint = t.Column<byte[]>(nullable: true),
            Outcome = t.Column<string>(),
            Reason = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AuditLog", c => c.Id));
        migrationBuilder.CreateIndex("IX_AuditLog_At", "AuditLog", "At");
        migrationBuilder.CreateIndex("IX_AuditLog_CardFingerprint", "AuditLog", "CardFingerprint");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "AuditLog", "Outbox", "IdempotencyRecords", "CardLockouts", "AtcCounters", "Cards", "CardRanges", "Keys", "ApiClients" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
