using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.RuleSets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class RuleFileVersionConfiguration : IEntityTypeConfiguration<RuleFileVersion>
{
    public void Configure(EntityTypeBuilder<RuleFileVersion> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(v => v.RuleSet).HasMaxLength(Limits.RuleSetName);
        builder.Property(v => v.Hash).HasMaxLength(Limits.ContentHash);
        builder.Property(v => v.Change).IsStoredAsText();
        builder.Property(v => v.Author).HasMaxLength(Limits.Actor);
        builder.Property(v => v.Comment).HasMaxLength(Limits.Reason);
        builder.HasOne<RuleFileVersion>().WithMany().HasForeignKey(v => v.RestoresVersionId).OnDelete(DeleteBehavior.Restrict);
        // A rule set's history newest first, and the version a decision's hash names.
        builder.HasIndex(v => new { v.RuleSet, v.Id });
        builder.HasIndex(v => v.Hash);
        builder.HasIndex(v => new { v.RuleSet, v.Number }).IsUnique();
    }
}
