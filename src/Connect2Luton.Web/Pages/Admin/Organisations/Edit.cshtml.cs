using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.HiringOrganisations;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Pages.Admin.Organisations;

/// <summary>One hiring organisation: its invoice details and charge terms, saved against the version read, and deactivating it.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class EditModel(HiringOrganisationAdministration administration)
    : ReferenceEditPage<HiringOrganisationRow, HiringOrganisationInput, HiringOrganisationForm>, IOrganisationPage
{
    public HiringOrganisationRow Organisation => Record;

    protected override string Kind => "organisation";

    protected override string Deactivated => "its services are no longer offered for new requisitions";

    protected override Task<HiringOrganisationRow?> FindAsync(int id, CancellationToken cancellationToken) => administration.FindAsync(id, cancellationToken);

    protected override HiringOrganisationForm FormOf(HiringOrganisationRow record) => HiringOrganisationForm.From(record);

    protected override int VersionOf(HiringOrganisationRow record) => record.Version;

    protected override string NameOf(HiringOrganisationRow record) => record.Name;

    protected override HiringOrganisationInput Read(HiringOrganisationForm form, ModelStateDictionary modelState) => form.Read(modelState);

    protected override string? NameOf(HiringOrganisationInput input) => input.Name;

    protected override Task<CommandResult> CheckAsync(HiringOrganisationInput input, int id, CancellationToken cancellationToken) => administration.CheckAsync(input, id, cancellationToken);

    protected override Task<CommandResult> ChangeAsync(int id, int version, HiringOrganisationInput input, CancellationToken cancellationToken) =>
        administration.ChangeAsync(id, version, input, cancellationToken);

    protected override Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken) =>
        administration.SetActiveAsync(id, version, active, cancellationToken);
}
