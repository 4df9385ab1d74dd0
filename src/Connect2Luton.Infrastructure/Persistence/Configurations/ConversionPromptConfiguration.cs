using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class ConversionPromptConfiguration : IEntityTypeConfiguration<ConversionPrompt>
{
    public void Configure(EntityTypeBuilder<ConversionPrompt> builder)
    {
        builder.ConfigureAggregate();
        builder.OwnsOne(c => c.Costs, costs =>
        {
            costs.Property(c => c.AgencyCostToDate).HasColumnName("AgencyCostToDate").IsAmount();
            costs.Property(c => c.YearlyAgencyCost).HasColumnName("YearlyAgencyCost").IsAmount();
            costs.Property(c => c.YearlyPermanentCost).HasColumnName("YearlyPermanentCost").IsAmount();
            costs.Property(c => c.TransferFeeMayApply).HasColumnName("TransferFeeMayApply");
            costs.Ignore(c => c.YearlySaving);
        });
        builder.Navigation(c => c.Costs).IsRequired();
        builder.Property(c => c.Status).IsStoredAsText();
        builder.Property(c => c.YearlySaving).HasPrecision(14, 2);
        builder.Ignore(c => c.IsOpen);
        builder.HasOne<Placement>().WithMany().HasForeignKey(c => c.PlacementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Worker>().WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(c => c.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Decision).WithMany().HasForeignKey(c => c.DecisionId).IsRequired().OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ConversionPromptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.Status, c.ServiceAreaId });
        // The conversions report counts the prompts raised in a period by month.
        builder.HasIndex(c => new { c.RaisedOn, c.ServiceAreaId });
        // One prompt per placement, ever: the nightly job can never raise a second, even run twice at once.
        builder.HasIndex(c => c.PlacementId).IsUnique();
    }
}

internal sealed class ConversionPromptActionConfiguration : IEntityTypeConfiguration<ConversionPromptAction>
{
    public void Configure(EntityTypeBuilder<ConversionPromptAction> builder)
    {
        builder.ToTable("ConversionPromptActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Outcome).IsStoredAsText();
        builder.Property(a => a.Note).HasMaxLength(Limits.Reason);
        builder.Property(a => a.By).HasMaxLength(Limits.Actor);
        // The conversions report counts a period's actions by outcome from this index alone.
        builder.HasIndex(a => new { a.At, a.Outcome, a.ConversionPromptId });
    }
}
