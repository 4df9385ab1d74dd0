using Connect2Luton.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class ChangeSignalConfiguration : IEntityTypeConfiguration<ChangeSignal>
{
    public void Configure(EntityTypeBuilder<ChangeSignal> builder)
    {
        builder.ToTable("ChangeSignals");
        builder.HasKey(s => s.Kind);
        builder.Property(s => s.Kind).HasMaxLength(ChangeSignal.KindLength);
    }
}
