using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.Requisitions;
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

    public async Task<RequisitionChoices> LoadAsync(CancellationToken cancellationToken)
    {
        var areas = await names.ServiceAreasAsync(cancellationToken);
        var areaNames = areas.ToDictionary(a => a.Id, a => a.Name);
        var scope = permissions.ScopeServiceAreaId;
        ServiceAreas = areas.Where(a => scope is null || a.Id == scope)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        JobRoles = (await names.JobRolesAsync(cancellationToken))
            .Select(r => new SelectListItem($"{r.Title} ({Words.Of(r.JobFamily).ToLowerInvariant()})", r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        HiringManagers = (await managers.ListAsync(new HiringManagersSpec(scope), cancellationToken))
            .Select(m => new SelectListItem($"{m.Name}, {areaNames.GetValueOrDefault(m.ServiceAreaId)}", m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return this;
    }
}
