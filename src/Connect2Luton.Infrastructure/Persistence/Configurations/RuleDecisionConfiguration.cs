using System.Text.Json;
using System.Text.Json.Serialization;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class RuleDecisionConfiguration : IEntityTypeConfiguration<RuleDecision>
{
    // A passed rule has no outcome; leaving the nulls out keeps a night's thousands of decisions the size they were.
    private static readonly JsonSerializerOptions ReasonsJson = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public void Configure(EntityTypeBuilder<RuleDecision> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.RuleSet).HasMaxLength(Limits.RuleSetName);
        builder.Property(d => d.RuleSetVersion).HasMaxLength(Limits.ContentHash);
        builder.Property(d => d.Outcome).HasMaxLength(Limits.Code);
        builder.Property(d => d.InputsJson);
        builder.Property(d => d.DecidedBy).HasMaxLength(Limits.Actor);
        builder.Property(d => d.Refused).HasConversion<string>().HasMaxLength(40);
        builder.Ignore(d => d.Reasons);

        // The reasons are read with the decision, never queried one by one: one JSON column keeps a decision one row.
        builder.Property<List<DecisionReason>>("_reasons")
            .HasColumnName("ReasonsJson")
            .HasConversion(
                reasons => JsonSerializer.Serialize(reasons, ReasonsJson),
                json => JsonSerializer.Deserialize<List<DecisionReason>>(json, ReasonsJson) ?? new List<DecisionReason>(),
                new ValueComparer<List<DecisionReason>>(
                    (a, b) => a!.SequenceEqual(b!),
                    reasons => reasons.Aggregate(0, (hash, r) => HashCode.Combine(hash, r.GetHashCode())),
                    reasons => reasons.ToList()));

        builder.HasOne<Requisition>().WithMany().HasForeignKey(d => d.RequisitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Worker>().WithMany().HasForeignKey(d => d.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.RuleSet, d.DecidedAt });
        // The refusals report reads refused decisions by when; the rest (nearly all) have none.
        builder.HasIndex(d => new { d.Refused, d.DecidedAt });
        builder.HasIndex(d => d.PlacementId);
        builder.HasIndex(d => d.RequisitionId);
        builder.HasIndex(d => d.WorkerId);
    }
}
