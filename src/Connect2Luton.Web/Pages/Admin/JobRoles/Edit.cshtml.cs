using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Pages.Admin.JobRoles;

/// <summary>One job role: its details, saved against the version read, what the pay-rate rules make of its grade, and deactivating or reactivating it.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class EditModel(JobRoleAdministration administration)
    : ReferenceEditPage<JobRoleListing, JobRoleInput, JobRoleForm>, IJobRolePage
{
    public JobRoleListing Role => Record;

    protected override string Kind => "job role";

    protected override string Deactivated => "it is no longer offered for new requisitions";

    protected override Task<JobRoleListing?> FindAsync(int id, CancellationToken cancellationToken) => administration.FindAsync(id, cancellationToken);

    protected override JobRoleForm FormOf(JobRoleListing record) => JobRoleForm.From(record.Role);

    protected override int VersionOf(JobRoleListing record) => record.Role.Version;

    protected override string NameOf(JobRoleListing record) => record.Role.Title;

    protected override JobRoleInput Read(JobRoleForm form, ModelStateDictionary modelState) => form.Read(modelState);

    protected override string? NameOf(JobRoleInput input) => input.Title;

    protected override Task<CommandResult> CheckAsync(JobRoleInput input, int id, CancellationToken cancellationToken) => administration.CheckAsync(input, id, cancellationToken);

    protected override Task<CommandResult> ChangeAsync(int id, int version, JobRoleInput input, CancellationToken cancellationToken) =>
        administration.ChangeAsync(id, version, input, cancellationToken);

    protected override Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken) =>
        administration.SetActiveAsync(id, version, active, cancellationToken);
}
