using Connect2Luton.Domain.Auditing;
using Connect2Luton.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(Limits.Actor);
        builder.Property(a => a.EntityType).HasMaxLength(Limits.Name);
        builder.Property(a => a.EntityId).HasMaxLength(Limits.Reference);
        builder.Property(a => a.Action).IsStoredAsText();
        builder.Property(a => a.ChangesJson);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
    }
}
