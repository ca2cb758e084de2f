using System.Text.Json;
using IssuerVerification.Domain.ThreeDSecure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IssuerVerification.Store.Configurations;

internal sealed class ThreeDsAuthenticationConfiguration : IEntityTypeConfiguration<ThreeDsAuthentication>
{
    public void Configure(EntityTypeBuilder<ThreeDsAuthentication> builder)
    {
        builder.ToTable("ThreeDsAuthentications");
        builder.HasKey(a => a.AcsTransId);
        builder.HasIndex(a => a.ThreeDsServerTransId).IsUnique(); // replay, and one AReq per id across replicas
        // The time-out sweep's: open challenges only, so that a frictionless answer adds no entry.
        builder.HasIndex(a => a.ExpiresAt).HasFilter($"\"TransStatus\" = '{TransStatus.Challenge}'");
        builder.Property(a => a.Network).HasConversion<string>();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Trace).HasConversion(TraceJson.Converter, TraceJson.Comparer<List<ThreeDsMessage>>());
    }
}

internal sealed class ThreeDsHistoryConfiguration : IEntityTypeConfiguration<ThreeDsHistoryRecord>
{
    public void Configure(EntityTypeBuilder<ThreeDsHistoryRecord> builder)
    {
        builder.ToTable("ThreeDsHistory");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.AcsTransId).IsUnique();
        builder.HasIndex(r => new { r.Chain, r.Seq }).IsUnique();
        // The history's filters: a time range, alone or with a BIN and last 4 or a status.
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => new { r.Bin, r.Last4, r.CreatedAt });
        builder.HasIndex(r => new { r.TransStatus, r.CreatedAt });
        builder.Property(r => r.Network).HasConversion<string>();
        builder.Property(r => r.Trace).HasConversion(TraceJson.ReadOnlyConverter, TraceJson.Comparer<IReadOnlyList<ThreeDsMessage>>());
    }
}

internal sealed class HistoryCheckpointConfiguration : IEntityTypeConfiguration<HistoryCheckpoint>
{
    public void Configure(EntityTypeBuilder<HistoryCheckpoint> builder)
    {
        builder.ToTable("ThreeDsHistoryCheckpoints");
        builder.HasKey(c => c.Chain);
    }
}

internal sealed class IssuedValueConfiguration : IEntityTypeConfiguration<IssuedValue>
{
    public void Configure(EntityTypeBuilder<IssuedValue> builder)
    {
        builder.ToTable("ThreeDsIssuedValues");
        // One issued value per authentication; two authentications may issue the same value (an AAV's sequence number is
        // 32 random bits), and each issuance is used once.
        builder.HasKey(v => v.AcsTransId);
        builder.HasIndex(v => v.ValueHash);
    }
}

/// <summary>The message trace as one JSON column.</summary>
internal static class TraceJson
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<ThreeDsMessage>, string> Converter = new(
        t => JsonSerializer.Serialize(t, (JsonSerializerOptions?)null),
        s => JsonSerializer.Deserialize<List<ThreeDsMessage>>(s, (JsonSerializerOptions?)null)!);

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<ThreeDsMessage>, string> ReadOnlyConverter = new(
        t => JsonSerializer.Serialize(t, (JsonSerializerOptions?)null),
        s => JsonSerializer.Deserialize<List<ThreeDsMessage>>(s, (JsonSerializerOptions?)null)!);

    public static ValueComparer<T> Comparer<T>() where T : IReadOnlyList<ThreeDsMessage> =>
        new((a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
            t => t.Count, t => t);
}
