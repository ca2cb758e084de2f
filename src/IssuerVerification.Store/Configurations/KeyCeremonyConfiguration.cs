using System.Text.Json;
using IssuerVerification.Domain.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IssuerVerification.Store.Configurations;

internal sealed class KeyCeremonyConfiguration : IEntityTypeConfiguration<KeyCeremony>
{
    public void Configure(EntityTypeBuilder<KeyCeremony> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.Alias, c.Status });
        builder.Property(c => c.Usage).HasConversion<string>();
        builder.Property(c => c.Algorithm).HasConversion<string>();
        builder.Property(c => c.Status).HasConversion<string>();
        builder.Property(c => c.Version).IsConcurrencyToken();
        // Who submitted and each component's KCV, as one JSON array: the components themselves are never stored.
        builder.Property(c => c.Components).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<CeremonyComponent>>(v, JsonSerializerOptions.Default)!,
            new ValueComparer<List<CeremonyComponent>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        builder.Ignore(c => c.PartialKey);
        builder.Ignore(c => c.ComponentBytes);
    }
}
