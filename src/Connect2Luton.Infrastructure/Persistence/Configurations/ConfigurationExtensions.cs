using Connect2Luton.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal static class ConfigurationExtensions
{
    /// <summary>Every aggregate: an identity key and its version as the concurrency token.</summary>
    public static void ConfigureAggregate<T>(this EntityTypeBuilder<T> builder) where T : AggregateRoot
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }

    /// <summary>Pounds per hour, with room for fractions of a penny in on-costs.</summary>
    public static PropertyBuilder<decimal> IsHourlyRate(this PropertyBuilder<decimal> property) => property.HasPrecision(12, 4);

    /// <summary>An hourly rate times hours: exact to the rate's fraction of a penny times the hours' hundredths.</summary>
    public static ComplexTypePropertyBuilder<decimal> IsRateTimesHours(this ComplexTypePropertyBuilder<decimal> property) => property.HasPrecision(16, 6);

    /// <summary>Yearly or cumulative pounds.</summary>
    public static PropertyBuilder<decimal> IsAmount(this PropertyBuilder<decimal> property) => property.HasPrecision(14, 2);

    public static PropertyBuilder<TEnum> IsStoredAsText<TEnum>(this PropertyBuilder<TEnum> property) =>
        property.HasConversion<string>().HasMaxLength(40);

    /// <summary>
    /// At most one open flag of each kind on a placement, enforced by the database as well as the nightly job:
    /// a filtered unique index, whose filter is written in the provider's own SQL.
    /// </summary>
    public static void OneOpenFlagOfAKind(this EntityTypeBuilder<Domain.Placements.PlacementFlag> builder, string openFilter) =>
        builder.HasIndex(f => new { f.PlacementId, f.Kind }).IsUnique().HasFilter(openFilter).HasDatabaseName("IX_PlacementFlags_OneOpenOfAKind");

    /// <summary>
    /// An agency's own candidates in use, by surname: its list (counted and paged) and the choices a vacancy offers
    /// are read from it and stop when a page is full. Filtered to the records agencies keep, so the council's pool
    /// workers an agency supplies (tens of thousands for a large agency) are not in it; the filter is written in the
    /// provider's own SQL, as the queries write it, so the database sees the index applies.
    /// </summary>
    public static void AgencyCandidatesBySurname(this EntityTypeBuilder<Domain.Workers.Worker> builder, string keptAndActiveFilter) =>
        builder.HasIndex(w => new { w.SupplyAgencyId, w.LastName, w.FirstName, w.KeptByAgency, w.IsActive })
            .HasFilter(keptAndActiveFilter).HasDatabaseName("IX_Workers_AgencyCandidates");
}
