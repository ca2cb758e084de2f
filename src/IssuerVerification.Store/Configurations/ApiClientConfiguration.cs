using IssuerVerification.Domain.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IssuerVerification.Store.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasIndex(c => c.PreviousKeyHash);
        builder.Property(c => c.Scopes).HasConversion(
            v => string.Join(' ', v),
            v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), v => string.Join(' ', v).GetHashCode(StringComparison.Ordinal), v => v.ToArray()));
    }
}
