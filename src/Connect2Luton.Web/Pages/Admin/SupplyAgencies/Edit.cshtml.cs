using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Pages.Admin.SupplyAgencies;

/// <summary>One supply agency: its details, saved against the version read, and deactivating or reactivating it.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class EditModel(SupplyAgencyAdministration administration)
    : ReferenceEditPage<SupplyAgencyRow, SupplyAgencyInput, SupplyAgencyForm>, ISupplyAgencyPage
{
    public SupplyAgencyRow Agency => Record;

    protected override string Kind => "supply agency";

    protected override string Deactivated => "it is no longer offered for new workers";

    protected override Task<SupplyAgencyRow?> FindAsync(int id, CancellationToken cancellationToken) => administration.FindAsync(id, cancellationToken);

    protected override SupplyAgencyForm FormOf(SupplyAgencyRow record) => SupplyAgencyForm.From(record);

    protected override int VersionOf(SupplyAgencyRow record) => record.Version;

    protected override string NameOf(SupplyAgencyRow record) => record.Name;

    protected override SupplyAgencyInput Read(SupplyAgencyForm form, ModelStateDictionary modelState) => form.Read(modelState);

    protected override string? NameOf(SupplyAgencyInput input) => input.Name;

    protected override Task<CommandResult> CheckAsync(SupplyAgencyInput input, int id, CancellationToken cancellationToken) => administration.CheckAsync(input, id, cancellationToken);

    protected override Task<CommandResult> ChangeAsync(int id, int version, SupplyAgencyInput input, CancellationToken cancellationToken) =>
        administration.ChangeAsync(id, version, input, cancellationToken);

    protected override Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken) =>
        administration.SetActiveAsync(id, version, active, cancellationToken);
}
