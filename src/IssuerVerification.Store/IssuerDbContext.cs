using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.ThreeDSecure;
using IssuerVerification.Domain.Tokens;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store;

/// <summary>
/// The one context the stores use. Each provider has its own subclass only so that it has its own migrations
/// and model snapshot (EF generates provider-specific migrations).
/// </summary>
public abstract class IssuerDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<StoredKey> Keys => Set<StoredKey>();
    public DbSet<KeyCeremony> KeyCeremonies => Set<KeyCeremony>();
    public DbSet<CardRange> CardRanges => Set<CardRange>();
    public DbSet<Card> Cards => Set<Card>();
    public DbSet<AtcCounter> AtcCounters => Set<AtcCounter>();
    public DbSet<CardLockout> CardLockouts => Set<CardLockout>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<Dcvv2Issuance> Dcvv2Issuances => Set<Dcvv2Issuance>();
    public DbSet<Dcvv2UsedWindow> Dcvv2UsedWindows => Set<Dcvv2UsedWindow>();
    public DbSet<TokenVerification> TokenVerifications => Set<TokenVerification>();
    public DbSet<TokenBinding> TokenBindings => Set<TokenBinding>();
    public DbSet<TokenCallback> TokenCallbacks => Set<TokenCallback>();
    public DbSet<ThreeDsAuthentication> ThreeDsAuthentications => Set<ThreeDsAuthentication>();
    public DbSet<ThreeDsHistoryRecord> ThreeDsHistory => Set<ThreeDsHistoryRecord>();
    public DbSet<HistoryCheckpoint> ThreeDsHistoryCheckpoints => Set<HistoryCheckpoint>();
    public DbSet<IssuedValue> ThreeDsIssuedValues => Set<IssuedValue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IssuerDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // Every timestamp is UTC; SQLite gives them back unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
