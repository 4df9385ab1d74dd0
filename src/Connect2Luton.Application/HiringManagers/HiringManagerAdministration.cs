using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Validation;
using Connect2Luton.Application.Users;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.HiringManagers;

namespace Connect2Luton.Application.HiringManagers;

/// <summary>A hiring manager as an admin keys them in. The email address is kept as typed when the record is made, and not changed after.</summary>
public sealed record HiringManagerInput(string? Name, string? Email, string? JobTitle, string? Phone, int? ServiceAreaId)
{
    /// <summary>Names kept on one line, with single spaces, so two that read the same are the same.</summary>
    public HiringManagerInput Tidied() => this with { Name = TextFormats.OneLine(Name), Email = TextFormats.OneLine(Email), JobTitle = TextFormats.OneLine(JobTitle), Phone = TextFormats.OneLine(Phone) };
}

public sealed record HiringManagerRow(int Id, int Version, string Name, string Email, string JobTitle, string? Phone, int ServiceAreaId, bool IsActive);

/// <summary>The account someone signs in with, where a hiring manager has one.</summary>
/// <param name="ActsForService">It holds the hiring-manager role: the record's service and whether it is active follow the account.</param>
public sealed record ManagerAccount(string Id, bool IsActive, bool ActsForService, int? ServiceAreaId);

public sealed record HiringManagerListing(HiringManagerRow Manager, string ServiceArea, ManagerAccount? Account)
{
    /// <summary>The record's service and whether it is active are changed on the account (and follow it), not here.</summary>
    public bool FollowsAccount => Account is { ActsForService: true };
}

/// <summary>Every hiring manager, active or not, by name.</summary>
public sealed class HiringManagerRowsSpec : Specification<HiringManager, HiringManagerRow>
{
    public HiringManagerRowsSpec(int? id = null)
    {
        if (id is { } only) Query.Where(m => m.Id == only);
        Query.OrderBy(m => m.Name);
        Query.Select(m => new HiringManagerRow(m.Id, m.Version, m.Name, m.Email, m.JobTitle, m.Phone, m.ServiceAreaId, m.IsActive));
    }
}

/// <summary>
/// Admins keep the council's hiring managers: the managers a recruiter names on a requisition, and the records of
/// those who sign in as hiring managers. A record is never deleted: requisitions keep naming whoever asked.
/// Someone who signs in as a hiring manager has one record, kept in step with their account by
/// <see cref="UserAdministration"/>: their service and whether they are active are changed on the account (which
/// ends their sessions, since what they may see changes), and the record follows; name, job title and phone are
/// changed here. Each change is saved against the version the admin read, and goes on the audit trail.
/// </summary>
public sealed class HiringManagerAdministration(
    IRepository<HiringManager> managers, IUserAccounts accounts, ReferenceNames names, IUnitOfWork unitOfWork, ICurrentUser user)
{
    public static class Fields
    {
        public const string Name = nameof(HiringManagerInput.Name);
        public const string Email = nameof(HiringManagerInput.Email);
        public const string JobTitle = nameof(HiringManagerInput.JobTitle);
        public const string Phone = nameof(HiringManagerInput.Phone);
        public const string ServiceArea = nameof(HiringManagerInput.ServiceAreaId);
    }

    public async Task<IReadOnlyList<HiringManagerListing>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await managers.ListAsync(new HiringManagerRowsSpec(), cancellationToken);
        return await ListingsAsync(rows, cancellationToken);
    }

    public async Task<HiringManagerListing?> FindAsync(int id, CancellationToken cancellationToken) =>
        await managers.FirstOrDefaultAsync(new HiringManagerRowsSpec(id), cancellationToken) is { } row
            ? (await ListingsAsync([row], cancellationToken))[0]
            : null;

    public async Task<CommandResult> CreateAsync(HiringManagerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins add hiring managers.");
        var errors = new FieldErrors();
        errors.Required(Fields.Email, input.Email, "Enter their email address");
        errors.Text(Fields.Email, input.Email, Limits.Email, "The email address");
        if (!errors.Has(Fields.Email) && !TextFormats.IsEmail(input.Email)) errors.Add(Fields.Email, "Enter an email address in the right form, like name@luton.gov.uk");
        var email = input.Email?.Trim().ToLowerInvariant() ?? string.Empty;
        var account = errors.Has(Fields.Email) ? null : await AccountAsync(email, cancellationToken);
        await CheckAsync(input, current: null, account, errors, cancellationToken);
        if (!errors.Has(Fields.Email) && (await managers.ListAsync(new HiringManagerRowsSpec(), cancellationToken)).Find(m => m.Email == email) is { } same)
            errors.Add(Fields.Email, $"{same.Name} already has a hiring-manager record with this email address{(same.IsActive ? string.Empty : " (deactivated)")}");
        if (errors.Any) return errors.ToResult();

        var manager = new HiringManager(input.Name!, email, input.JobTitle!, input.ServiceAreaId!.Value, input.Phone);
        managers.Add(manager);
        return await SaveAsync(manager, cancellationToken);
    }

    /// <summary>Name, job title and phone; and the service, for someone who does not sign in as a hiring manager.</summary>
    public async Task<CommandResult> ChangeAsync(int id, int version, HiringManagerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins change hiring managers.");
        if (await managers.GetByIdAsync(id, cancellationToken) is not { } manager) return CommandResult.NotFound();
        var errors = new FieldErrors();
        await CheckAsync(input, manager, await AccountAsync(manager.Email, cancellationToken), errors, cancellationToken);
        if (errors.Any) return errors.ToResult();

        managers.ExpectVersion(manager, version);
        manager.Change(input.Name!, input.JobTitle!, input.Phone);
        if (input.ServiceAreaId!.Value != manager.ServiceAreaId) manager.MoveTo(input.ServiceAreaId.Value);
        return await SaveAsync(manager, cancellationToken);
    }

    /// <summary>
    /// Deactivated, the manager is no longer offered on requisitions (those that name them keep doing so).
    /// Someone who signs in as a hiring manager is deactivated with their account instead.
    /// </summary>
    public async Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken)
    {
        if (!MayManage) return CommandResult.Forbidden("Only admins deactivate hiring managers.");
        if (await managers.GetByIdAsync(id, cancellationToken) is not { } manager) return CommandResult.NotFound();
        if (manager.IsActive == active) return CommandResult.Conflict(active ? $"{manager.Name} is active already." : $"{manager.Name} is deactivated already.");
        if (await AccountAsync(manager.Email, cancellationToken) is { ActsForService: true } account && account.IsActive != active)
            return CommandResult.Conflict(active
                ? $"{manager.Name}'s account is deactivated, and a hiring manager who signs in is active while their account is: reactivate the account (Users), and this record with it."
                : $"{manager.Name} signs in as a hiring manager, and their record is active while their account is: deactivate their account (Users), which ends their sessions and deactivates this record too, or take away their hiring manager role there first.");
        managers.ExpectVersion(manager, version);
        if (active) manager.Reactivate();
        else manager.Deactivate();
        return await SaveAsync(manager, cancellationToken);
    }

    private bool MayManage => user.May(Permissions.ManageReferenceData);

    private async Task CheckAsync(HiringManagerInput input, HiringManager? current, ManagerAccount? account, FieldErrors errors, CancellationToken cancellationToken)
    {
        errors.Required(Fields.Name, input.Name, "Enter their name");
        errors.Name(Fields.Name, input.Name, Limits.Name, "Their name");
        errors.Required(Fields.JobTitle, input.JobTitle, "Enter their job title, like Head of Service");
        errors.Name(Fields.JobTitle, input.JobTitle, Limits.Title, "The job title");
        errors.Text(Fields.Phone, input.Phone, Limits.Phone, "The phone number");
        if (!errors.Has(Fields.Phone) && !string.IsNullOrWhiteSpace(input.Phone) && !TextFormats.IsUkPhone(input.Phone))
            errors.Add(Fields.Phone, "Enter a UK phone number, like 01582 546000 or 07700 900 982");

        var areas = await names.ServiceAreasAsync(cancellationToken);
        var area = input.ServiceAreaId is { } chosen ? areas.FirstOrDefault(a => a.Id == chosen) : null;
        var unchanged = current is not null && area?.Id == current.ServiceAreaId;
        if (area is null) errors.Add(Fields.ServiceArea, "Select the service they manage in");
        else if (unchanged) return;
        else if (account is { ActsForService: true } signsIn)
        {
            // Their service is their account's: it decides what they see, and changing it ends their sessions.
            if (current is not null)
                errors.Add(Fields.ServiceArea, "They sign in as a hiring manager: change their service on their account (Users), and this record moves with it");
            else if (signsIn.ServiceAreaId is { } theirs && theirs != area.Id)
                errors.Add(Fields.ServiceArea, $"They sign in as a hiring manager for {areas.FirstOrDefault(a => a.Id == theirs)?.Name ?? "another service"}: select that service, or change it on their account (Users) first");
        }
        else if (!area.IsActive) errors.Add(Fields.ServiceArea, $"{area.Name} is deactivated: select a service that is taking requisitions");
    }

    /// <summary>The account with this email address, if anyone signs in with it.</summary>
    private async Task<ManagerAccount?> AccountAsync(string email, CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken)).FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase)) is { } account
            ? Account(account)
            : null;

    private static ManagerAccount Account(UserAccount account) =>
        new(account.Id, account.IsActive, Access.Allows(account.Roles.Contains, Permissions.ActForOwnService), account.ServiceAreaId);

    private async Task<IReadOnlyList<HiringManagerListing>> ListingsAsync(IReadOnlyList<HiringManagerRow> rows, CancellationToken cancellationToken)
    {
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var byEmail = (await accounts.ListAsync(cancellationToken))
            .GroupBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return rows.Select(m => new HiringManagerListing(m, areas.GetValueOrDefault(m.ServiceAreaId, "?"),
            byEmail.TryGetValue(m.Email, out var account) ? Account(account) : null)).ToList();
    }

    private async Task<CommandResult> SaveAsync(HiringManager manager, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(manager.Id);
    }
}
