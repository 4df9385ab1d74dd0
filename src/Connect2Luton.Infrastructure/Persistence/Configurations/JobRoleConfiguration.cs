using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class JobRoleConfiguration : IEntityTypeConfiguration<JobRole>
{
    public void Configure(EntityTypeBuilder<JobRole> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(r => r.Title).HasMaxLength(Limits.Title);
        builder.Property(r => r.JobFamily).IsStoredAsText();
        builder.Property(r => r.NjcGrade).HasMaxLength(Limits.Code);
        builder.Property(r => r.PermanentSalaryMinimum).IsAmount();
        builder.Property(r => r.PermanentSalaryMaximum).IsAmount();
        builder.Property(r => r.RequiredRegistration).IsStoredAsText();
        builder.Property(r => r.RequiredDbsLevel).IsStoredAsText();
        builder.Property(r => r.DfeRoleType).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(r => r.Title).IsUnique();
        builder.HasIndex(r => r.JobFamily);
    }
}
