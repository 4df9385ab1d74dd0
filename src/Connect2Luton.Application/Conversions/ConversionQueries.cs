using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Conversions;

/// <summary>Conversion prompts for the people who act on them: a list for their scope, and one prompt's page.</summary>
public sealed class ConversionQueries(
    IReadRepository<ConversionPrompt> prompts,
    IReadRepository<Placement> placements,
    IReadRepository<Worker> workers,
    ReferenceNames names,
    ConversionPermissions permissions)
{
    /// <param name="hiringOrganisationId">Only the prompts of one hiring organisation's services, within the user's own.</param>
    public async Task<PagedResult<ConversionPromptView>> ListAsync(ConversionShow show, PageRequest page, CancellationToken cancellationToken, int? hiringOrganisationId = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var serviceAreas = await names.OfOrganisationAsync(permissions.Scope, hiringOrganisationId, cancellationToken);
        var found = await prompts.PageAsync(page, p => new ConversionPromptListSpec(show, serviceAreas, p), cancellationToken);
        var views = await ViewsAsync(found.Items, cancellationToken);
        return found.Map(p => views[p.Id]);
    }

    public async Task<ConversionPromptView?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var prompt = await prompts.FirstOrDefaultAsync(new ConversionPromptByIdSpec(id, forUpdate: false), cancellationToken);
        if (prompt is null || !permissions.CanSee(prompt)) return null;
        return (await ViewsAsync([prompt], cancellationToken))[prompt.Id];
    }

    private async Task<Dictionary<int, ConversionPromptView>> ViewsAsync(IReadOnlyCollection<ConversionPrompt> found, CancellationToken cancellationToken)
    {
        var workerNames = (await workers.ListAsync(new WorkerNamesSpec(found.Select(p => p.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var placed = (await placements.ListAsync(new PlacementRolesSpec(found.Select(p => p.PlacementId).Distinct().ToList()), cancellationToken)).ToDictionary(p => p.Id);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        return found.ToDictionary(p => p.Id, p =>
        {
            var placement = placed.GetValueOrDefault(p.PlacementId);
            return new ConversionPromptView(
                p.Id, p.Version, p.PlacementId, p.WorkerId, workerNames.GetValueOrDefault(p.WorkerId, "?"),
                placement is null ? "?" : roles.GetValueOrDefault(placement.JobRoleId, "?"), areas.GetValueOrDefault(p.ServiceAreaId, "?"),
                p.Status, p.RaisedOn, p.SnoozedUntil, p.Decision.Reasons.Where(r => r.Passed).Select(r => r.Message).ToList(),
                p.Costs, p.YearlySaving, p.PermanentStartDate, placement?.StartDate ?? p.RaisedOn, p.Decision.RuleSetVersion,
                p.Actions.OrderBy(a => a.At).Select(a => new ConversionActionView(a.Outcome, a.Note, a.By, a.At)).ToList(),
                p.IsOpen && permissions.CanAct(p));
        });
    }
}

/// <summary>Prompts for a list: the ones waiting on someone first, oldest first, so nothing waits unseen.</summary>
public sealed class ConversionPromptListSpec : Specification<ConversionPrompt>
{
    public ConversionPromptListSpec(ConversionShow show, IReadOnlyCollection<int>? serviceAreaIds, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        switch (show)
        {
            case ConversionShow.Open:
                Query.Where(c => c.Status == ConversionPromptStatus.Open || c.Status == ConversionPromptStatus.OfferMade || c.Status == ConversionPromptStatus.Snoozed);
                break;
            case ConversionShow.Closed:
                Query.Where(c => c.Status != ConversionPromptStatus.Open && c.Status != ConversionPromptStatus.OfferMade && c.Status != ConversionPromptStatus.Snoozed);
                break;
        }
        if (serviceAreaIds is not null) Query.Where(c => serviceAreaIds.Contains(c.ServiceAreaId));
        Query.Include(c => c.Actions).Include(c => c.Decision);
        Query.OrderBy(c => c.RaisedOn).ThenBy(c => c.Id).Skip(page.Skip).Take(page.Size).AsNoTracking();
    }
}

/// <summary>One prompt with what has been done about it, for its page or for acting on it.</summary>
public sealed class ConversionPromptByIdSpec : Specification<ConversionPrompt>
{
    public ConversionPromptByIdSpec(int id, bool forUpdate)
    {
        Query.Where(c => c.Id == id).Include(c => c.Actions).Include(c => c.Decision);
        if (!forUpdate) Query.AsNoTracking();
    }
}

/// <summary>The role and start of the given placements.</summary>
public sealed class PlacementRolesSpec : Specification<Placement, PlacementRoleRow>
{
    public PlacementRolesSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(p => ids.Contains(p.Id));
        Query.Select(p => new PlacementRoleRow(p.Id, p.JobRoleId, p.StartDate));
    }
}

public sealed record PlacementRoleRow(int Id, int JobRoleId, DateOnly StartDate);
