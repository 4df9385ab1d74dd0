using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Reports;

/// <summary>A temp who became permanent in the period, and what the council saves a year by it.</summary>
public sealed record ConversionSaving(int PromptId, int PlacementId, string Worker, string ServiceArea, DateOnly? PermanentStartDate, decimal YearlySaving);

/// <summary>How many prompts were raised and acted on each month.</summary>
public sealed record ConversionMonth(DateOnly Month, int Raised, int Converted);

public sealed record ConversionFigures(
    DateOnly From, DateOnly To, int? ServiceAreaId, int Raised, int Offers, int Converted, int Declined, int NotSuitable, int Lapsed,
    IReadOnlyList<ConversionSaving> Conversions, IReadOnlyList<ConversionMonth> ByMonth)
{
    public decimal YearlySaving => Conversions.Sum(c => c.YearlySaving);
}

/// <summary>
/// What came of the nightly conversion prompts over a period: raised, offers made, conversions, declines, and each
/// conversion's yearly saving (the agency cost less the permanent cost, as booked when it converted). Counted in the
/// database; a prompt counts for what happened to it in the period.
/// </summary>
public sealed class ConversionsReport(IReadRepository<ConversionPrompt> prompts, IReadRepository<Worker> workers, ReferenceNames names, ReportScope scope, TimeProvider clock)
{
    /// <summary>The twelve months to today, where no period is chosen.</summary>
    public (DateOnly From, DateOnly To) DefaultPeriod()
    {
        var today = clock.Today();
        return (new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today);
    }

    public async Task<ConversionFigures> GetAsync(DateOnly from, DateOnly to, int? serviceAreaId, CancellationToken cancellationToken)
    {
        var areaIds = scope.ServiceAreas(serviceAreaId);
        Task<int> ActedOn(ConversionPromptStatus outcome, DateOnly start, DateOnly end) =>
            prompts.CountAsync(new PromptsActedOnSpec(outcome, start, end, areaIds), cancellationToken);

        var converted = await prompts.ListAsync(new ConvertedPromptsSpec(from, to, areaIds), cancellationToken);
        var workerNames = (await workers.ListAsync(new WorkerNamesSpec(converted.Select(c => c.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);

        var months = new List<ConversionMonth>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var start = month < from ? from : month;
            var end = month.AddMonths(1).AddDays(-1) is var last && last > to ? to : last;
            months.Add(new ConversionMonth(month, await prompts.CountAsync(new PromptsRaisedSpec(start, end, areaIds), cancellationToken),
                await ActedOn(ConversionPromptStatus.Converted, start, end)));
        }

        return new ConversionFigures(from, to, scope.ServiceArea(serviceAreaId),
            await prompts.CountAsync(new PromptsRaisedSpec(from, to, areaIds), cancellationToken),
            await ActedOn(ConversionPromptStatus.OfferMade, from, to),
            converted.Count,
            await ActedOn(ConversionPromptStatus.Declined, from, to),
            await ActedOn(ConversionPromptStatus.NotSuitable, from, to),
            await ActedOn(ConversionPromptStatus.Lapsed, from, to),
            // Largest saving first; sorted here because SQLite cannot order by a decimal.
            converted.OrderByDescending(c => c.YearlySaving ?? 0m).ThenBy(c => c.Id).Select(c => new ConversionSaving(c.Id, c.PlacementId, workerNames.GetValueOrDefault(c.WorkerId, "?"), areas.GetValueOrDefault(c.ServiceAreaId, "?"),
                c.PermanentStartDate, c.YearlySaving ?? 0m)).ToList(),
            months);
    }
}

public sealed class PromptsRaisedSpec : Specification<ConversionPrompt>
{
    public PromptsRaisedSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int>? serviceAreaIds)
    {
        Query.Where(p => p.RaisedOn >= from && p.RaisedOn <= to);
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
    }
}

/// <summary>Prompts that had an action with the outcome given on a day in the period (UTC days, as the actions are stamped).</summary>
public sealed class PromptsActedOnSpec : Specification<ConversionPrompt>
{
    public PromptsActedOnSpec(ConversionPromptStatus outcome, DateOnly from, DateOnly to, IReadOnlyCollection<int>? serviceAreaIds)
    {
        var (start, end) = UtcDays.Spanning(from, to);
        Query.Where(p => p.Actions.Any(a => a.Outcome == outcome && a.At >= start && a.At < end));
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
    }
}

public sealed class ConvertedPromptsSpec : Specification<ConversionPrompt, ConvertedPromptRow>
{
    public ConvertedPromptsSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int>? serviceAreaIds)
    {
        var (start, end) = UtcDays.Spanning(from, to);
        Query.Where(p => p.Status == ConversionPromptStatus.Converted && p.Actions.Any(a => a.Outcome == ConversionPromptStatus.Converted && a.At >= start && a.At < end));
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        Query.Select(p => new ConvertedPromptRow(p.Id, p.PlacementId, p.WorkerId, p.ServiceAreaId, p.PermanentStartDate, p.YearlySaving));
    }
}

public sealed record ConvertedPromptRow(int Id, int PlacementId, int WorkerId, int ServiceAreaId, DateOnly? PermanentStartDate, decimal? YearlySaving);
