using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(r => r.JobName).HasMaxLength(Limits.Name);
        builder.Property(r => r.TriggeredBy).HasMaxLength(Limits.Actor);
        builder.Property(r => r.Status).IsStoredAsText();
        builder.Property(r => r.ErrorLog).HasMaxLength(Limits.LongText);
        builder.HasIndex(r => new { r.JobName, r.StartedAt });
        builder.HasIndex(r => new { r.JobName, r.BusinessDate });
    }
}
