using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Forms;

/// <summary>The lists the requisition form offers, limited to the user's own service for a hiring manager.</summary>
public sealed class RequisitionChoices(ReferenceNames names, IReadRepository<HiringManager> managers, RequisitionPermissions permissions)
{
    public IReadOnlyList<SelectListItem> ServiceAreas { get; private set; } = [];
    public IReadOnlyList<SelectListItem> JobRoles { get; private set; } = [];
    public IReadOnlyList<SelectListItem> HiringManagers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Reasons { get; } =
        Enum.GetValues<RequisitionReason>().Select(r => new SelectListItem(Words.Of(r), r.ToString())).ToList();

    /// <summary>A hiring manager raises as themselves, so the form does not ask who.</summary>
    public bool AsksForHiringManager => !permissions.IsScopedToOwnService;

    public Task<RequisitionChoices> LoadAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);

    /// <summary>
    /// The choices for a new requisition: services and roles that are active. For one being revised
    /// (<paramref name="revising"/>), its own service and role too, though they have been deactivated since.
    /// </summary>
    public async Task<RequisitionChoices> LoadAsync(RequisitionView? revising, CancellationToken cancellationToken)
    {
        var areas = await names.ServiceAreasAsync(cancellationToken);
        var areaNames = areas.ToDictionary(a => a.Id, a => a.Name);
        var scope = permissions.ScopeServiceAreaId;
        var offered = areas.Where(a => (scope is null || a.Id == scope) && (a.IsActive || a.Id == revising?.ServiceAreaId)).ToList();
        // A requisition being revised may keep a service or role deactivated since: it says so, as the worker form does of an agency.
        ServiceAreas = offered.Select(a => new SelectListItem(a.IsActive ? a.Name : $"{a.Name} (deactivated)", Id(a.Id))).ToList();
        // A role is offered for the services that recruit for it; one no service has been limited to is offered for all.
        JobRoles = (await names.JobRolesAsync(cancellationToken))
            .Where(r => r.IsActive || r.Id == revising?.JobRoleId)
            .Where(r => offered.Exists(a => a.Recruits(r.Id)))
            .Select(r => new LimitedChoice($"{r.Title} ({Words.Of(r.JobFamily).ToLowerInvariant()}){(r.IsActive ? string.Empty : " (deactivated)")}", Id(r.Id),
                offered.TrueForAll(a => a.Recruits(r.Id)) ? [] : offered.Where(a => a.Recruits(r.Id)).Select(a => Id(a.Id)).ToList()))
            .ToList();
        HiringManagers = (await managers.ListAsync(new HiringManagersSpec(scope), cancellationToken))
            .Where(m => offered.Exists(a => a.Id == m.ServiceAreaId))
            .Select(m => new LimitedChoice($"{m.Name}, {areaNames.GetValueOrDefault(m.ServiceAreaId)}", Id(m.Id), [Id(m.ServiceAreaId)])).ToList();
        return this;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
