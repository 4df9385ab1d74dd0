using System.Globalization;
using System.Linq.Expressions;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Caching;
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

/// <summary>The dashboard's card: conversions in the last twelve months and what they save a year.</summary>
public sealed record ConversionSavings(int Converted, decimal YearlySaving);

/// <summary>
/// What came of the nightly conversion prompts over a period: raised, offers made, conversions, declines, and each
/// conversion's yearly saving (the agency cost less the permanent cost, as booked when it converted). Counted in the
/// database in four reads whatever the period: the conversions, their workers' names, the prompts raised by month,
/// and the prompts acted on by outcome. A prompt counts for what happened to it in the period.
/// </summary>
public sealed class ConversionsReport(
    IReadRepository<ConversionPrompt> prompts, IReadRepository<ConversionPromptAction> actions, IReadRepository<Worker> workers, ReferenceNames names, ReportScope scope, SingleFlightCache cache, ChangeCounters changes, TimeProvider clock)
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
        var converted = await prompts.ListAsync(new ConvertedPromptsSpec(from, to, areaIds), cancellationToken);
        var workerNames = (await workers.ListAsync(new WorkerNamesSpec(converted.Select(c => c.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        // Counted by the day raised, in the order of the raised-day index, and summed into months here: the database
        // then neither works out each prompt's month nor sorts them by it.
        var raised = (await prompts.CountByAsync(new PromptsRaisedSpec(from, to, areaIds), p => p.RaisedOn, cancellationToken))
            .GroupBy(d => d.Key.Year * 100 + d.Key.Month).ToDictionary(m => m.Key, m => m.Sum(d => d.Value));
        // Every service's actions are read from the actions' index alone; a service's need their prompts' service.
        var actedOn = (areaIds is null
            ? await actions.GroupAsync(new ActionsInPeriodSpec(from, to), a => a.Outcome,
                g => new OutcomeCount { Outcome = g.Key, Prompts = g.Select(a => a.PromptId).Distinct().Count() }, cancellationToken)
            : await prompts.GroupAsync(new PromptActionsSpec(from, to, areaIds), a => a.Outcome,
                g => new OutcomeCount { Outcome = g.Key, Prompts = g.Select(a => a.PromptId).Distinct().Count() }, cancellationToken))
            .ToDictionary(o => o.Outcome, o => o.Prompts);
        // A prompt converts once (a closed prompt takes no more actions), so the conversions read above are the month's count.
        var convertedByMonth = converted.CountBy(c => c.ConvertedAt.UtcDateTime.Year * 100 + c.ConvertedAt.UtcDateTime.Month).ToDictionary();

        var months = new List<ConversionMonth>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var key = month.Year * 100 + month.Month;
            months.Add(new ConversionMonth(month, raised.GetValueOrDefault(key), convertedByMonth.GetValueOrDefault(key)));
        }

        return new ConversionFigures(from, to, scope.ServiceArea(serviceAreaId),
            raised.Values.Sum(),
            actedOn.GetValueOrDefault(ConversionPromptStatus.OfferMade),
            converted.Count,
            actedOn.GetValueOrDefault(ConversionPromptStatus.Declined),
            actedOn.GetValueOrDefault(ConversionPromptStatus.NotSuitable),
            actedOn.GetValueOrDefault(ConversionPromptStatus.Lapsed),
            // Largest saving first; sorted here because SQLite cannot order by a decimal.
            converted.OrderByDescending(c => c.YearlySaving ?? 0m).ThenBy(c => c.Id).Select(c => new ConversionSaving(c.Id, c.PlacementId, workerNames.GetValueOrDefault(c.WorkerId, "?"), areas.GetValueOrDefault(c.ServiceAreaId, "?"),
                c.PermanentStartDate, c.YearlySaving ?? 0m)).ToList(),
            months);
    }

    /// <summary>
    /// The twelve months' conversions and their yearly saving, for the dashboard: one read, kept until a prompt
    /// changes or the day turns.
    /// </summary>
    public Task<ConversionSavings> SavingsAsync(CancellationToken cancellationToken)
    {
        var (from, to) = DefaultPeriod();
        var areaIds = scope.ServiceAreas(null);
        var key = string.Create(CultureInfo.InvariantCulture,
            $"conversion-savings|{to:yyyy-MM-dd}|{ReportScope.KeyOf(areaIds)}|{changes.Of<ConversionPrompt>()}");
        return cache.GetAsync(key, async () =>
        {
            var savings = await prompts.ListAsync(new ConvertedSavingsSpec(from, to, areaIds), cancellationToken);
            return new ConversionSavings(savings.Count, savings.Sum(s => s ?? 0m));
        }, _ => 1, cancellationToken);
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

/// <summary>Every action on a prompt in the period (UTC days, as the actions are stamped), with its prompt, to be counted by outcome.</summary>
public sealed class PromptActionsSpec : Specification<ConversionPrompt, PromptActionRow>
{
    public PromptActionsSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int>? serviceAreaIds)
    {
        var (start, end) = UtcDays.Spanning(from, to);
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        // Set by name: the database groups the rows, and can only see through members it was given by name.
        Query.SelectMany(p => p.Actions.Where(a => a.At >= start && a.At < end).Select(a => new PromptActionRow { PromptId = a.ConversionPromptId, Outcome = a.Outcome }));
    }
}

/// <summary>Every action on any prompt in the period (UTC days, as the actions are stamped), to be counted by outcome.</summary>
public sealed class ActionsInPeriodSpec : Specification<ConversionPromptAction, PromptActionRow>
{
    public ActionsInPeriodSpec(DateOnly from, DateOnly to)
    {
        var (start, end) = UtcDays.Spanning(from, to);
        Query.Where(a => a.At >= start && a.At < end);
        Query.Select(a => new PromptActionRow { PromptId = a.ConversionPromptId, Outcome = a.Outcome });
    }
}

/// <summary>How many prompts were acted on with one outcome.</summary>
public sealed class OutcomeCount
{
    public ConversionPromptStatus Outcome { get; init; }
    public int Prompts { get; init; }
}

public sealed class PromptActionRow
{
    public int PromptId { get; init; }
    public ConversionPromptStatus Outcome { get; init; }
}

/// <summary>Prompts converted on a day in the period (UTC days, as the actions are stamped), with when.</summary>
public sealed class ConvertedPromptsSpec : Specification<ConversionPrompt, ConvertedPromptRow>
{
    internal static Expression<Func<ConversionPrompt, bool>> ConvertedIn(DateOnly from, DateOnly to)
    {
        var (start, end) = UtcDays.Spanning(from, to);
        return p => p.Status == ConversionPromptStatus.Converted && p.Actions.Any(a => a.Outcome == ConversionPromptStatus.Converted && a.At >= start && a.At < end);
    }

    public ConvertedPromptsSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int>? serviceAreaIds)
    {
        Query.Where(ConvertedIn(from, to));
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        Query.Select(p => new ConvertedPromptRow(p.Id, p.PlacementId, p.WorkerId, p.ServiceAreaId, p.PermanentStartDate, p.YearlySaving,
            p.Actions.Where(a => a.Outcome == ConversionPromptStatus.Converted).Select(a => a.At).First()));
    }
}

public sealed record ConvertedPromptRow(int Id, int PlacementId, int WorkerId, int ServiceAreaId, DateOnly? PermanentStartDate, decimal? YearlySaving, DateTimeOffset ConvertedAt);

/// <summary>The yearly saving of each prompt converted in the period, alone.</summary>
public sealed class ConvertedSavingsSpec : Specification<ConversionPrompt, decimal?>
{
    public ConvertedSavingsSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int>? serviceAreaIds)
    {
        Query.Where(ConvertedPromptsSpec.ConvertedIn(from, to));
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        Query.Select(p => p.YearlySaving);
    }
}
