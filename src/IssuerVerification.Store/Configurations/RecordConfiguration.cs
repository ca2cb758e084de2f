using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IssuerVerification.Store.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.Client, r.Key });
        builder.HasIndex(r => r.CreatedAt); // the purge of expired records
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.Reference);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // On PostgreSQL the table is partitioned by month of At (Migrations/AuditPartitionsData.cs): there the primary key
        // and the unique index also hold At, as PostgreSQL asks of a partitioned table.
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.CardFingerprint);
        // A chain's order, and no number twice in a chain.
        builder.HasIndex(e => new { e.Chain, e.Seq }).IsUnique();
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder) => builder.HasKey(c => c.Chain);
}
