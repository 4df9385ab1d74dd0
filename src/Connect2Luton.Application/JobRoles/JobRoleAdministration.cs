using System.Text.RegularExpressions;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Validation;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.JobRoles;

/// <summary>A job role as an admin keys it in: the permanent salary band in pounds a year.</summary>
public sealed record JobRoleInput(
    string? Title,
    JobFamily? JobFamily,
    string? NjcGrade,
    decimal? SalaryMinimum,
    decimal? SalaryMaximum,
    RegistrationBody? RequiredRegistration,
    DfeRoleType? DfeRoleType,
    bool IsInterim,
    DbsLevel? RequiredDbsLevel = null)
{
    /// <summary>Names kept on one line, with single spaces, so two that read the same are the same.</summary>
    public JobRoleInput Tidied() => this with { Title = TextFormats.OneLine(Title), NjcGrade = TextFormats.OneLine(NjcGrade) };
}

/// <summary>A job role as the admin pages list and open it.</summary>
public sealed record JobRoleRow(
    int Id, int Version, string Title, JobFamily JobFamily, string NjcGrade, decimal PermanentSalaryMinimum, decimal PermanentSalaryMaximum,
    RegistrationBody RequiredRegistration, DfeRoleType? DfeRoleType, bool IsInterim, bool IsActive, DbsLevel? RequiredDbsLevel = null)
{
    /// <summary>The role as the rules read it (never saved from here).</summary>
    public JobRole ToRole() =>
        new(Title, JobFamily, NjcGrade, PermanentSalaryMinimum, PermanentSalaryMaximum, RequiredRegistration, DfeRoleType, IsInterim, RequiredDbsLevel);
}

/// <summary>A job role with what the serving pay-rate rules make of its grade (null: it has a cap).</summary>
public sealed record JobRoleListing(JobRoleRow Role, GradeCapFinding? Grade);

/// <summary>Every job role, active or not, by title.</summary>
public sealed class JobRoleRowsSpec : Specification<JobRole, JobRoleRow>
{
    public JobRoleRowsSpec(int? id = null)
    {
        if (id is { } only) Query.Where(r => r.Id == only);
        Query.OrderBy(r => r.Title);
        Query.Select(r => new JobRoleRow(r.Id, r.Version, r.Title, r.JobFamily, r.NjcGrade, r.PermanentSalaryMinimum, r.PermanentSalaryMaximum,
            r.RequiredRegistration, r.DfeRoleType, r.IsInterim, r.IsActive, r.RequiredDbsLevel));
    }
}

/// <summary>
/// Admins add job roles, correct them, and deactivate those no longer recruited for (and bring them back). A role
/// is never deleted: requisitions, placements and decisions keep naming it. A role whose grade the serving pay-rate
/// rules give no cap is refused or saved with a warning, as the rules decide (<see cref="GradeCaps"/>). Each change
/// is saved against the version the admin read, and goes on the audit trail with the save.
/// </summary>
public sealed partial class JobRoleAdministration(IRepository<JobRole> roles, GradeCaps gradeCaps, IUnitOfWork unitOfWork, ICurrentUser user)
{
    public const decimal MostSalary = 500_000m;

    public static class Fields
    {
        public const string Title = nameof(JobRoleInput.Title);
        public const string JobFamily = nameof(JobRoleInput.JobFamily);
        public const string NjcGrade = nameof(JobRoleInput.NjcGrade);
        public const string SalaryMinimum = nameof(JobRoleInput.SalaryMinimum);
        public const string SalaryMaximum = nameof(JobRoleInput.SalaryMaximum);
        public const string RequiredRegistration = nameof(JobRoleInput.RequiredRegistration);
        public const string DfeRoleType = nameof(JobRoleInput.DfeRoleType);
        public const string RequiredDbsLevel = nameof(JobRoleInput.RequiredDbsLevel);
    }

    public async Task<IReadOnlyList<JobRoleListing>> ListAsync(CancellationToken cancellationToken)
    {
        var listed = new List<JobRoleListing>();
        foreach (var role in await roles.ListAsync(new JobRoleRowsSpec(), cancellationToken))
            listed.Add(new JobRoleListing(role, await gradeCaps.CheckAsync(role.ToRole(), cancellationToken)));
        return listed;
    }

    public async Task<JobRoleListing?> FindAsync(int id, CancellationToken cancellationToken) =>
        await roles.FirstOrDefaultAsync(new JobRoleRowsSpec(id), cancellationToken) is { } role
            ? new JobRoleListing(role, await gradeCaps.CheckAsync(role.ToRole(), cancellationToken))
            : null;

    public async Task<CommandResult> CreateAsync(JobRoleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins add job roles.");
        var (role, errors) = await ProblemsAsync(input, null, cancellationToken);
        if (errors.Any) return errors.ToResult();

        roles.Add(role!);
        return await SaveAsync(role!, cancellationToken);
    }

    public async Task<CommandResult> ChangeAsync(int id, int version, JobRoleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins change job roles.");
        if (await roles.GetByIdAsync(id, cancellationToken) is not { } role) return CommandResult.NotFound();
        var (changed, errors) = await ProblemsAsync(input, id, cancellationToken);
        if (errors.Any) return errors.ToResult();

        roles.ExpectVersion(role, version);
        role.Change(changed!.Title, changed.JobFamily, changed.NjcGrade, changed.PermanentSalaryMinimum, changed.PermanentSalaryMaximum,
            changed.RequiredRegistration, changed.DfeRoleType, changed.IsInterim, changed.RequiredDbsLevel);
        return await SaveAsync(role, cancellationToken);
    }

    /// <summary>
    /// Deactivated, the role is no longer offered for new requisitions; requisitions already raised for it, their
    /// shortlists, bookings and placements carry on. Reactivated, it is offered again.
    /// </summary>
    public async Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken)
    {
        if (!MayManage) return CommandResult.Forbidden("Only admins deactivate job roles.");
        if (await roles.GetByIdAsync(id, cancellationToken) is not { } role) return CommandResult.NotFound();
        if (role.IsActive == active) return CommandResult.Conflict(active ? $"{role.Title} is active already." : $"{role.Title} is deactivated already.");
        // Offered again, it must be one the rules can book: a grade that has lost its cap since comes back only with one.
        if (active && await gradeCaps.CheckAsync(role, cancellationToken) is { Refuses: true } refused)
            return CommandResult.Conflict($"{role.Title} is not reactivated. {refused.Message}");
        roles.ExpectVersion(role, version);
        if (active) role.Reactivate();
        else role.Deactivate();
        return await SaveAsync(role, cancellationToken);
    }

    private bool MayManage => user.May(Permissions.ManageReferenceData);

    /// <summary>Every message the form would get, saving nothing: for a form some of whose values could not be read.</summary>
    /// <param name="id">The role being changed; null for a new one.</param>
    public async Task<CommandResult> CheckAsync(JobRoleInput input, int? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        return MayManage ? (await ProblemsAsync(input, id, cancellationToken)).Errors.ToResult() : CommandResult.Forbidden("Only admins keep job roles.");
    }

    /// <summary>The role as it would be saved (not yet added to anything), or what is wrong with the input.</summary>
    private async Task<(JobRole? Role, FieldErrors Errors)> ProblemsAsync(JobRoleInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required(Fields.Title, input.Title, "Enter the job title, like Social Worker (Children and Families)");
        errors.Name(Fields.Title, input.Title, Limits.Title, "The job title");
        if (input.JobFamily is not { } family || !Enum.IsDefined(family)) errors.Add(Fields.JobFamily, "Select the job family");
        errors.Required(Fields.NjcGrade, input.NjcGrade, "Enter the NJC grade of the equivalent permanent post, like E");
        errors.Text(Fields.NjcGrade, input.NjcGrade, Limits.Code, "The grade");
        if (!errors.Has(Fields.NjcGrade) && !GradeShape().IsMatch(input.NjcGrade!.Trim()))
            errors.Add(Fields.NjcGrade, "The grade must be letters, numbers, spaces and hyphens only, like E or JNC");
        if (input.SalaryMinimum is not { } minimum) errors.Add(Fields.SalaryMinimum, "Enter the lowest salary of the permanent post");
        else errors.Money(Fields.SalaryMinimum, minimum, MostSalary, "The lowest salary");
        if (input.SalaryMaximum is not { } maximum) errors.Add(Fields.SalaryMaximum, "Enter the highest salary of the permanent post");
        else errors.Money(Fields.SalaryMaximum, maximum, MostSalary, "The highest salary");
        if (!errors.Has(Fields.SalaryMinimum) && !errors.Has(Fields.SalaryMaximum) && input.SalaryMaximum < input.SalaryMinimum)
            errors.Add(Fields.SalaryMaximum, "The highest salary must be the same as or more than the lowest");
        if (input.RequiredRegistration is not { } registration || !Enum.IsDefined(registration))
            errors.Add(Fields.RequiredRegistration, "Select the register a worker must be on, or that none is needed");
        if (input.DfeRoleType is { } dfe && !Enum.IsDefined(dfe)) errors.Add(Fields.DfeRoleType, "Select a DfE role type from the list, or none");
        if (input.RequiredDbsLevel is { } dbs && !Enum.IsDefined(dbs)) errors.Add(Fields.RequiredDbsLevel, "Select the DBS check the work needs from the list, or none stated");

        if (!errors.Has(Fields.Title)
            && (await roles.ListAsync(new JobRoleRowsSpec(), cancellationToken)).Find(r => r.Id != id && string.Equals(r.Title, input.Title!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } same)
            errors.Add(Fields.Title, $"There is already a role called {same.Title}{(same.IsActive ? string.Empty : " (deactivated)")}: enter another title");
        if (errors.Any) return (null, errors);

        // Grades are compared as the rules write them, in capitals ("E", "JNC").
        var role = new JobRole(input.Title!, input.JobFamily!.Value, input.NjcGrade!.Trim().ToUpperInvariant(), input.SalaryMinimum!.Value,
            input.SalaryMaximum!.Value, input.RequiredRegistration!.Value, input.DfeRoleType, input.IsInterim, input.RequiredDbsLevel);
        if (await gradeCaps.CheckAsync(role, cancellationToken) is { Refuses: true } refused) errors.Add(Fields.NjcGrade, refused.Message);
        return errors.Any ? (null, errors) : (role, errors);
    }

    private async Task<CommandResult> SaveAsync(JobRole role, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(role.Id);
    }

    [GeneratedRegex("^[A-Za-z0-9 -]+$", RegexOptions.CultureInvariant)]
    private static partial Regex GradeShape();
}
