using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.Imports;

namespace Connect2Luton.Application.Imports;

/// <summary>
/// What a person needs to fill a file in: its columns and what each takes, an example row (in the template), and the
/// names a cell must match as Connect2Luton has them now (supply agencies; service codes, job roles and hiring managers).
/// </summary>
public sealed record ImportGuide(
    ImportKind Kind, IReadOnlyList<ImportColumn> Columns, IReadOnlyList<string> Example,
    IReadOnlyList<string> Agencies, IReadOnlyList<ServiceAreaSummary> Areas, IReadOnlyList<string> Roles, IReadOnlyList<HiringManagerSummary> Managers)
{
    public string FileName => Kind == ImportKind.Workers ? "workers-template.csv" : "live-placements-template.csv";
}

public sealed class ImportGuides(ReferenceNames names, IReadRepository<HiringManager> managers, TimeProvider clock)
{
    public async Task<ImportGuide> ForAsync(ImportKind kind, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var agencies = (await names.SupplyAgenciesAsync(cancellationToken)).Select(a => a.Name).ToList();
        if (kind == ImportKind.Workers)
            return new ImportGuide(kind, WorkerColumns.All, WorkerColumns.Example(today, agencies.FirstOrDefault()), agencies, [], [], []);

        var areas = await names.ServiceAreasAsync(cancellationToken);
        var roles = await names.JobRolesAsync(cancellationToken);
        var people = await managers.ListAsync(new HiringManagersSpec(), cancellationToken);
        // The example: the commonest case, a children's social worker in children's services, with a hiring manager there.
        var area = areas.FirstOrDefault(a => a.IsChildrensServices && people.Exists(m => m.ServiceAreaId == a.Id))
            ?? areas.FirstOrDefault(a => people.Exists(m => m.ServiceAreaId == a.Id)) ?? (areas.Count > 0 ? areas[0] : null);
        var role = roles.FirstOrDefault(r => r.DfeRoleType == Domain.JobRoles.DfeRoleType.SocialWorker && (area is null || area.Recruits(r.Id)))
            ?? roles.FirstOrDefault(r => area is null || area.Recruits(r.Id));
        var manager = people.Find(m => m.ServiceAreaId == area?.Id);
        return new ImportGuide(kind, PlacementColumns.All, PlacementColumns.Example(today, area?.Code, role?.Title, manager?.Email),
            agencies, areas, roles.Select(r => r.Title).ToList(), people);
    }
}
