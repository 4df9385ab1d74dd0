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
        var agencies = (await names.SupplyAgenciesAsync(cancellationToken)).Where(a => a.IsActive).Select(a => a.Name).ToList();
        if (kind == ImportKind.Workers)
            return new ImportGuide(kind, WorkerColumns.All, WorkerColumns.Example(today, agencies.FirstOrDefault()), agencies, [], [], []);

        // What a file may name: a placement brought in comes with a new requisition, which takes active services and roles.
        var areas = (await names.ServiceAreasAsync(cancellationToken)).Where(a => a.IsActive).ToList();
        var roles = (await names.JobRolesAsync(cancellationToken)).Where(r => r.IsActive).ToList();
        var people = await managers.ListAsync(new HiringManagersSpec(), cancellationToken);
        // The example: the commonest case, a children's social worker in children's services, with a hiring manager there.
        var area = areas.Find(a => a.IsChildrensServices && people.Exists(m => m.ServiceAreaId == a.Id))
            ?? areas.Find(a => people.Exists(m => m.ServiceAreaId == a.Id)) ?? (areas.Count > 0 ? areas[0] : null);
        var role = roles.Find(r => r.DfeRoleType == Domain.JobRoles.DfeRoleType.SocialWorker && (area is null || area.Recruits(r.Id)))
            ?? roles.Find(r => area is null || area.Recruits(r.Id));
        var manager = people.Find(m => m.ServiceAreaId == area?.Id);
        return new ImportGuide(kind, PlacementColumns.All, PlacementColumns.Example(today, area?.Code, role?.Title, manager?.Email),
            agencies, areas, roles.Select(r => r.Title).ToList(), people);
    }
}
