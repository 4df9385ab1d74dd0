using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;

namespace Connect2Luton.Application.Requisitions;

/// <summary>
/// Raising, revising and moving requisitions on. Who may do what: a hiring manager acts for their own service
/// only; recruiters raise on a service's behalf, open approved requisitions and cancel; only a hiring manager of
/// the service (or an admin) approves or rejects.
/// </summary>
public sealed class RequisitionCommands(
    IRepository<Requisition> requisitions,
    IReadRepository<ServiceArea> serviceAreas,
    IReadRepository<JobRole> jobRoles,
    IReadRepository<HiringManager> managers,
    IUnitOfWork unitOfWork,
    RequisitionPermissions permissions,
    DataScope scope,
    ICurrentUser user,
    ApprovalRequestEmail approvalRequest,
    SupplyChain.SubmissionClosing submissions,
    TimeProvider clock)
{
    public const decimal MostPayRate = 500m;
    public const decimal MostWeeklyHours = 60m;
    public const int MostPositions = 50;

    public async Task<CommandResult> RaiseAsync(RequisitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.May(Permissions.RaiseRequisitions))
            return CommandResult.Forbidden("Only hiring managers and recruiters raise requisitions.");

        var (details, managerId, errors) = await ValidateAsync(input, null, cancellationToken);
        if (errors.Any) return errors.ToResult();

        var requisition = Requisition.Raise(details!, managerId, user.Name, clock.GetUtcNow());
        requisitions.Add(requisition);
        return await SaveAsync(requisition, cancellationToken);
    }

    /// <summary>
    /// Every message the form would get, without saving anything: for a form where some values could not even be
    /// read, so the user sees all that is wrong at once.
    /// </summary>
    public async Task<CommandResult> CheckAsync(RequisitionInput input, CancellationToken cancellationToken) =>
        await CheckAsync(input, null, cancellationToken);

    private async Task<CommandResult> CheckAsync(RequisitionInput input, Requisition? current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (_, _, errors) = await ValidateAsync(input, current, cancellationToken);
        return errors.ToResult();
    }

    /// <summary>
    /// A revision the form could not fully read, checked and never saved. Someone whose role may not revise this
    /// requisition is refused first, rather than told which fields are wrong.
    /// </summary>
    public async Task<CommandResult> CheckRevisionAsync(int id, RequisitionInput input, CancellationToken cancellationToken)
    {
        var requisition = await requisitions.GetByIdAsync(id, cancellationToken);
        if (requisition is null) return CommandResult.NotFound();
        if (permissions.Forbidden(requisition, RequisitionAction.Revise) is { } forbidden) return forbidden;
        return await CheckAsync(input, requisition, cancellationToken);
    }

    public async Task<CommandResult> ReviseAsync(int id, int version, RequisitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var requisition = await requisitions.GetByIdAsync(id, cancellationToken);
        if (requisition is null) return CommandResult.NotFound();
        if (permissions.Refusal(requisition, RequisitionAction.Revise) is { } refused) return refused;
        if (input.ServiceAreaId != requisition.ServiceAreaId)
            return CommandResult.Invalid(nameof(RequisitionInput.ServiceAreaId), "A requisition stays with the service that raised it: cancel it and raise a new one");

        var (details, _, errors) = await ValidateAsync(input with { HiringManagerId = input.HiringManagerId ?? requisition.HiringManagerId }, requisition, cancellationToken);
        if (errors.Any) return errors.ToResult();
        if (details!.Positions < requisition.PositionsFilled)
            return CommandResult.Invalid(nameof(RequisitionInput.Positions), $"{requisition.PositionsFilled} workers are already placed: ask for at least that many");

        requisitions.ExpectVersion(requisition, version);
        requisition.Revise(details, user.Name, clock.GetUtcNow());
        return await SaveAsync(requisition, cancellationToken);
    }

    // Loaded with its steps, as for approval: the service's hiring managers are asked to approve it, in the same
    // save, except whoever shaped it.
    public async Task<CommandResult> SubmitAsync(int id, int version, CancellationToken cancellationToken)
    {
        if (await requisitions.FirstOrDefaultAsync(new RequisitionWithHistorySpec(id, forUpdate: true), cancellationToken) is not { } requisition)
            return CommandResult.NotFound();
        if (permissions.Refusal(requisition, RequisitionAction.Submit) is { } refused) return refused;
        requisitions.ExpectVersion(requisition, version);
        requisition.Submit(user.Name, clock.GetUtcNow());
        await approvalRequest.QueueAsync(requisition, user.Name, cancellationToken);
        return await SaveAsync(requisition, cancellationToken);
    }

    // Loaded with its steps: who raised, changed and submitted it decides who may approve it.
    public async Task<CommandResult> ApproveAsync(int id, int version, CancellationToken cancellationToken) =>
        await requisitions.FirstOrDefaultAsync(new RequisitionWithHistorySpec(id, forUpdate: true), cancellationToken) is { } requisition
            ? await StepAsync(requisition, version, RequisitionAction.Approve, (r, by, at) => r.Approve(by, at), cancellationToken)
            : CommandResult.NotFound();

    public Task<CommandResult> OpenAsync(int id, int version, CancellationToken cancellationToken) =>
        StepAsync(id, version, RequisitionAction.Open, (r, by, at) => r.Open(by, at), cancellationToken);

    public Task<CommandResult> RejectAsync(int id, int version, string? reason, CancellationToken cancellationToken) =>
        WithReasonAsync(id, version, reason, RequisitionAction.Reject, "why it is rejected", (r, by, at, why) => r.Reject(by, at, why), cancellationToken);

    // The agencies' candidates still waiting or shortlisted are not taken forward in the same save, saying why:
    // none is left shortlisted, or offered a withdrawal, for a vacancy that is gone.
    public Task<CommandResult> CancelAsync(int id, int version, string? reason, CancellationToken cancellationToken) =>
        WithReasonAsync(id, version, reason, RequisitionAction.Cancel, "why it is cancelled", async (r, by, at, why) =>
        {
            r.Cancel(by, at, why);
            await submissions.RequisitionCancelledAsync(r.Id, why, by, at, cancellationToken);
        }, cancellationToken);

    private async Task<CommandResult> StepAsync(int id, int version, RequisitionAction action, Action<Requisition, string, DateTimeOffset> step, CancellationToken cancellationToken) =>
        await requisitions.GetByIdAsync(id, cancellationToken) is { } requisition
            ? await StepAsync(requisition, version, action, step, cancellationToken)
            : CommandResult.NotFound();

    private Task<CommandResult> StepAsync(Requisition requisition, int version, RequisitionAction action, Action<Requisition, string, DateTimeOffset> step, CancellationToken cancellationToken) =>
        StepAsync(requisition, version, action, (r, by, at) =>
        {
            step(r, by, at);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<CommandResult> StepAsync(Requisition requisition, int version, RequisitionAction action, Func<Requisition, string, DateTimeOffset, Task> step, CancellationToken cancellationToken)
    {
        if (permissions.Refusal(requisition, action) is { } refused) return refused;
        requisitions.ExpectVersion(requisition, version);
        await step(requisition, user.Name, clock.GetUtcNow());
        return await SaveAsync(requisition, cancellationToken);
    }

    private Task<CommandResult> WithReasonAsync(
        int id, int version, string? reason, RequisitionAction action, string what, Action<Requisition, string, DateTimeOffset, string> step, CancellationToken cancellationToken) =>
        WithReasonAsync(id, version, reason, action, what, (r, by, at, why) =>
        {
            step(r, by, at, why);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<CommandResult> WithReasonAsync(
        int id, int version, string? reason, RequisitionAction action, string what, Func<Requisition, string, DateTimeOffset, string, Task> step, CancellationToken cancellationToken)
    {
        var requisition = await requisitions.GetByIdAsync(id, cancellationToken);
        if (requisition is null) return CommandResult.NotFound();
        if (permissions.Forbidden(requisition, action) is { } forbidden) return forbidden;
        var errors = new FieldErrors();
        errors.Required("Reason", reason, $"Enter {what}");
        errors.Text("Reason", reason, Limits.Reason, "The reason");
        if (errors.Any) return errors.ToResult();
        return await StepAsync(requisition, version, action, (r, by, at) => step(r, by, at, reason!.Trim()), cancellationToken);
    }

    private async Task<CommandResult> SaveAsync(Requisition requisition, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(requisition.Id);
    }

    /// <param name="current">The requisition being revised, which keeps its service and role though they have been deactivated since.</param>
    private async Task<(RequisitionDetails? Details, int ManagerId, FieldErrors Errors)> ValidateAsync(RequisitionInput input, Requisition? current, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var today = clock.Today();

        var area = input.ServiceAreaId is { } areaId ? await serviceAreas.FirstOrDefaultAsync(new ServiceAreaByIdSpec(areaId), cancellationToken) : null;
        if (area is null)
            errors.Add(nameof(input.ServiceAreaId), "Select the service area");
        else if (!scope.Sees(area.Id))
            errors.Add(nameof(input.ServiceAreaId), "You can only raise requisitions for your own service area");
        else if (!area.IsActive && area.Id != current?.ServiceAreaId)
            errors.Add(nameof(input.ServiceAreaId), $"{area.Name} is no longer taking requisitions: select another service area");
        var role = input.JobRoleId is { } roleId ? await jobRoles.FirstOrDefaultAsync(new JobRoles.JobRoleByIdSpec(roleId), cancellationToken) : null;
        if (role is null)
            errors.Add(nameof(input.JobRoleId), "Select the job role");
        else if (!role.IsActive && role.Id != current?.JobRoleId)
            errors.Add(nameof(input.JobRoleId), $"{role.Title} is no longer recruited for: select another job role");
        else if (area is not null && !area.Recruits(role.Id))
            errors.Add(nameof(input.JobRoleId), $"{area.Name} does not recruit for the role {role.Title}: select one of the roles it recruits for");

        errors.Required(nameof(input.Title), input.Title, "Enter a title for the requisition");
        errors.Text(nameof(input.Title), input.Title, Limits.Title, "The title");
        if (input.Reason is not { } reason || !Enum.IsDefined(reason)) errors.Add(nameof(input.Reason), "Select why the service needs a temporary worker");
        errors.Text(nameof(input.Description), input.Description, Limits.LongText, "The description");

        if (input.WeeklyHours is not { } hours) errors.Add(nameof(input.WeeklyHours), "Enter the weekly hours");
        else
        {
            errors.Range(nameof(input.WeeklyHours), hours, 1m, MostWeeklyHours, $"Weekly hours must be between 1 and {MostWeeklyHours:0}");
            errors.Places(nameof(input.WeeklyHours), hours, 2, "Enter the weekly hours to 2 decimal places at most, like 37.5");
        }
        if (input.MaximumPayRate is not { } pay) errors.Add(nameof(input.MaximumPayRate), "Enter the most the service proposes to pay an hour");
        else errors.Money(nameof(input.MaximumPayRate), pay, MostPayRate, "The maximum pay rate");
        if (input.Positions is not { } positions) errors.Add(nameof(input.Positions), "Enter how many workers are needed");
        else errors.Range(nameof(input.Positions), positions, 1, MostPositions, $"The number of workers must be between 1 and {MostPositions}");

        errors.CheckWorkDates(nameof(input.StartDate), input.StartDate, nameof(input.EndDate), input.EndDate, today, "end date");

        var managerId = await ManagerAsync(input, errors, cancellationToken);
        if (errors.Any) return (null, 0, errors);

        var details = new RequisitionDetails(input.ServiceAreaId!.Value, input.JobRoleId!.Value, input.Title!.Trim(), input.Reason!.Value,
            string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(), input.WeeklyHours!.Value, input.StartDate!.Value,
            input.EndDate!.Value, input.MaximumPayRate!.Value, input.Positions!.Value, input.IsProjectTeam);
        return (details, managerId, errors);
    }

    // A hiring manager raises as themselves; anyone else names the manager in the service who asked.
    private async Task<int> ManagerAsync(RequisitionInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (user.May(Permissions.ActForOwnService))
        {
            var me = await managers.FirstOrDefaultAsync(new HiringManagersSpec(email: user.Name.ToLowerInvariant()), cancellationToken);
            if (me is not null) return me.Id;
        }
        if (input.HiringManagerId is not { } managerId)
        {
            errors.Add(nameof(input.HiringManagerId), "Select the hiring manager who asked for the worker");
            return 0;
        }
        var ofService = await managers.ListAsync(new HiringManagersSpec(input.ServiceAreaId), cancellationToken);
        if (!ofService.Exists(m => m.Id == managerId)) errors.Add(nameof(input.HiringManagerId), "Select a hiring manager of the service area");
        return managerId;
    }
}

