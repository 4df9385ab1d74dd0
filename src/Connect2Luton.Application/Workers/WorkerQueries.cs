using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Domain.Conversions;

namespace Connect2Luton.Application.Workers;

public sealed record WorkerListItem(WorkerRow Row, string SupplyAgency, bool NeedsAttention);

/// <summary>The worker pool: the searchable list, its export, and a worker's page.</summary>
public sealed class WorkerQueries(
    IReadRepository<Worker> workers, IReadRepository<Placement> placements, ReferenceNames names, SingleFlightCache counts, ChangeCounters changes,
    IConversionPolicy conversions, TimeProvider clock)
{
    /// <param name="after">The last worker on the page before, where the user came from it (its Next link).</param>
    /// <param name="before">The first worker on the page after, where the user came from it (its Previous link).</param>
    public async Task<PagedResult<WorkerListItem>> ListAsync(WorkerFilter filter, PageRequest page, CancellationToken cancellationToken, WorkerEdge? after = null, WorkerEdge? before = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var soon = clock.Today().AddDays(WorkerCompliance.WindowDays);
        var list = string.Create(CultureInfo.InvariantCulture, $"workers|{filter}|{soon:yyyy-MM-dd}|{changes.Of<Worker>()}");
        var total = await counts.GetAsync($"count|{list}", () => workers.CountAsync(new WorkerListSpec(filter, soon, null), cancellationToken), _ => 1, cancellationToken);
        page = page.Within(total);
        // A link's edge row only stands for the page next to the one it came from; page 1 is always read from the top.
        // The edge is read as the worker is now only if they are as they were when the link was made: one saved since
        // (renamed, they sort elsewhere) would move the page, so the page is counted to instead.
        var afterKey = page.Page > 1 && after is { } a ? await workers.FirstOrDefaultAsync(new WorkerSortKeySpec(a.Id, a.Version), cancellationToken) : null;
        var beforeKey = page.Page > 1 && afterKey is null && before is { } b ? await workers.FirstOrDefaultAsync(new WorkerSortKeySpec(b.Id, b.Version), cancellationToken) : null;
        var read = WorkerPageRead.For(page, total, afterKey, beforeKey);
        var spec = new WorkerListSpec(filter, soon, page, read);
        async Task<List<WorkerRow>> ReadRowsAsync()
        {
            var found = await workers.ListAsync(spec, cancellationToken);
            if (found.Count == 0 && (afterKey is not null || beforeKey is not null))
            {
                // An edge past either end of the list (an edited address, or workers gone since the link was made): the page is counted to instead.
                spec = new WorkerListSpec(filter, soon, page, WorkerPageRead.For(page, total, null, null));
                found = await workers.ListAsync(spec, cancellationToken);
            }
            if (spec.ReadBackwards) found.Reverse();
            return found;
        }
        // A page counted to (a number typed into the address) walks the index up to it; its rows are kept until the
        // pool changes, so people asking for the same page at once count to it once.
        var rows = read.Skip > 0
            ? await counts.GetAsync(string.Create(CultureInfo.InvariantCulture, $"page|{list}|{page.Page}|{page.Size}"), ReadRowsAsync, found => found.Count, cancellationToken)
            : await ReadRowsAsync();
        var agencies = await AgenciesAsync(cancellationToken);
        return new PagedResult<WorkerRow>(rows, page.Page, page.Size, total).Map(r => Item(r, agencies, soon));
    }

    public async IAsyncEnumerable<WorkerListItem> ExportAsync(WorkerFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var soon = clock.Today().AddDays(WorkerCompliance.WindowDays);
        var agencies = await AgenciesAsync(cancellationToken);
        await foreach (var row in workers.StreamAsync(new WorkerListSpec(filter, soon, null), cancellationToken)) yield return Item(row, agencies, soon);
    }

    public async Task<WorkerView?> DetailsAsync(int id, CancellationToken cancellationToken)
    {
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(id), cancellationToken);
        if (worker is null) return null;
        var today = clock.Today();
        var agencies = await AgenciesAsync(cancellationToken);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var history = await placements.ListAsync(new WorkerPlacementsSpec(id), cancellationToken);
        return new WorkerView(
            worker.Id, worker.Version, worker.FirstName, worker.LastName, worker.Email, worker.Phone, worker.Postcode, worker.JobFamily,
            worker.SupplyAgencyId, agencies.GetValueOrDefault(worker.SupplyAgencyId, "?"), worker.QualifiedOn, worker.PostQualifiedExperienceYears(today),
            worker.OpenToPermanentJob, worker.PreviousCouncil, worker.PreviousCouncilRegion, worker.LeftPermanentCouncilPostOn,
            worker.RightToWork, worker.Dbs, worker.Registration, worker.IsActive, worker.ConvertedToPermanentOn,
            WorkerCompliance.Assess(worker, today),
            history.Select(p => new WorkerPlacement(p.Id, roles.GetValueOrDefault(p.JobRoleId, "?"), areas.GetValueOrDefault(p.ServiceAreaId, "?"), p.StartDate, p.EndDate, p.Status)).ToList())
        {
            DateOfBirth = worker.DateOfBirth,
            FeeFreeFrom = worker.ConvertedToPermanentOn is null ? await FeeFreeFromAsync(id, history, cancellationToken) : null,
            ExternalReference = worker.ExternalReference,
            WeeklyLimitOptOutSignedOn = worker.WeeklyLimitOptOutSignedOn,
        };
    }

    /// <summary>
    /// The fee-free day of the worker's latest placement: 14 weeks into their unbroken run of placements, or for a
    /// placement that has ended, 8 weeks after its last day if that is later (the rules' week counts). None while
    /// the conversion rules cannot be read: the page still shows everything else.
    /// </summary>
    private async Task<DateOnly?> FeeFreeFromAsync(int workerId, IReadOnlyList<WorkerPlacementRow> history, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var latest = history.Where(p => p.Status is PlacementStatus.Active or PlacementStatus.Ended && p.StartDate <= today).MaxBy(p => p.StartDate);
        if (latest is null) return null;
        ConversionTerms terms;
        try
        {
            terms = await conversions.TermsAsync(cancellationToken);
        }
        catch (PolicyUnavailableException)
        {
            return null;
        }
        var runs = history.Select(p => new Placements.Flags.PlacementHistoryRow(p.Id, workerId, p.JobRoleId, p.StartDate, p.EndDate, p.Status));
        var since = Conversions.ConversionPromptReview.ContinuousSince(runs, latest.Id, latest.StartDate, terms.ContinuityGapDays);
        return terms.FeeFreeFrom(since, latest.Status == PlacementStatus.Ended ? latest.EndDate : null);
    }

    private async Task<Dictionary<int, string>> AgenciesAsync(CancellationToken cancellationToken) =>
        (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);

    private static WorkerListItem Item(WorkerRow row, Dictionary<int, string> agencies, DateOnly soon) =>
        new(row, agencies.GetValueOrDefault(row.SupplyAgencyId, "?"),
            !row.HasRightToWork || row.RightToWorkExpiresOn <= soon || !row.HasDbs || row.RegistrationExpiresOn <= soon);
}
