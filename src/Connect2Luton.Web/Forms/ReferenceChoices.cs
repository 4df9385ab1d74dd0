using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.SupplyAgencies;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Forms;

/// <summary>The fixed lists the reference data forms offer, each option in words and posted by its name.</summary>
public static class ReferenceChoices
{
    public static IReadOnlyList<SelectListItem> JobFamilies { get; } =
        [.. Enum.GetValues<JobFamily>().Select(f => new SelectListItem(Words.Of(f), f.ToString()))];

    public static IReadOnlyList<SelectListItem> Registrations { get; } =
        [.. Enum.GetValues<RegistrationBody>().Select(b => new SelectListItem(Words.Registration(b), b.ToString()))];

    public static IReadOnlyList<SelectListItem> DbsLevels { get; } =
        [.. Enum.GetValues<Domain.Workers.DbsLevel>().Select(l => new SelectListItem(Words.Dbs(l), l.ToString()))];

    public static IReadOnlyList<SelectListItem> DfeRoleTypes { get; } =
        [.. Enum.GetValues<DfeRoleType>().Select(t => new SelectListItem(Words.Of(t), t.ToString()))];

    public static IReadOnlyList<SelectListItem> SupplierKinds { get; } =
        [.. Enum.GetValues<SupplyAgencyKind>().Select(k => new SelectListItem(Words.Supplier(k), k.ToString()))];
}
