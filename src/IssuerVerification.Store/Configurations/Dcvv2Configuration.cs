using IssuerVerification.Domain.Dcvv2;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IssuerVerification.Store.Configurations;

internal sealed class Dcvv2IssuanceConfiguration : IEntityTypeConfiguration<Dcvv2Issuance>
{
    public void Configure(EntityTypeBuilder<Dcvv2Issuance> builder)
    {
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => i.CardFingerprint);
    }
}

internal sealed class Dcvv2UsedWindowConfiguration : IEntityTypeConfiguration<Dcvv2UsedWindow>
{
    public void Configure(EntityTypeBuilder<Dcvv2UsedWindow> builder) =>
        builder.HasKey(w => new { w.CardFingerprint, w.WindowMinutes, w.WindowIndex });
}
