using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IssuerVerification.Store.Configurations;

internal sealed class AtcCounterConfiguration : IEntityTypeConfiguration<AtcCounter>
{
    public void Configure(EntityTypeBuilder<AtcCounter> builder) =>
        builder.HasKey(c => new { c.CardFingerprint, c.Application });
}

internal sealed class CardLockoutConfiguration : IEntityTypeConfiguration<CardLockout>
{
    public void Configure(EntityTypeBuilder<CardLockout> builder) => builder.HasKey(c => c.CardFingerprint);
}
