using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Pages.Admin.ServiceAreas;

/// <summary>One service area: its details, saved against the version read, and deactivating or reactivating it.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class EditModel(ServiceAreaAdministration administration)
    : ReferenceEditPage<ServiceAreaRow, ServiceAreaInput, ServiceAreaForm>, IServiceAreaPage
{
    public ServiceAreaRow Area => Record;

    protected override string Kind => "service area";

    protected override string Deactivated => "it is no longer offered for new requisitions or hiring managers";

    protected override Task<ServiceAreaRow?> FindAsync(int id, CancellationToken cancellationToken) => administration.FindAsync(id, cancellationToken);

    protected override ServiceAreaForm FormOf(ServiceAreaRow record) => ServiceAreaForm.From(record);

    protected override int VersionOf(ServiceAreaRow record) => record.Version;

    protected override string NameOf(ServiceAreaRow record) => record.Name;

    protected override ServiceAreaInput Read(ServiceAreaForm form, ModelStateDictionary modelState) => form.Read(modelState);

    protected override string? NameOf(ServiceAreaInput input) => input.Name;

    protected override Task<CommandResult> CheckAsync(ServiceAreaInput input, int id, CancellationToken cancellationToken) => administration.CheckAsync(input, id, cancellationToken);

    protected override Task<CommandResult> ChangeAsync(int id, int version, ServiceAreaInput input, CancellationToken cancellationToken) =>
        administration.ChangeAsync(id, version, input, cancellationToken);

    protected override Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken) =>
        administration.SetActiveAsync(id, version, active, cancellationToken);
}
