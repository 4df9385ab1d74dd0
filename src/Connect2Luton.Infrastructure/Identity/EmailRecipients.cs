using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Email;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// The active accounts an email goes to, by what their roles let them do: the roles come from the access table, so
/// a role given a permission there is told what that permission's holders are told.
/// </summary>
internal sealed class EmailRecipients(AppDbContext db) : IEmailRecipients
{
    public Task<IReadOnlyList<EmailRecipient>> HoldingAsync(string permission, CancellationToken cancellationToken) =>
        ListAsync(Active().Where(u => HoldingAny(RolesGranting(permission)).Contains(u.Id)), cancellationToken);

    public Task<IReadOnlyList<EmailRecipient>> ActingForServiceAsync(int serviceAreaId, string permission, CancellationToken cancellationToken) =>
        ListAsync(Active()
            .Where(u => u.ServiceAreaId == serviceAreaId)
            .Where(u => HoldingAny(RolesGranting(Permissions.ActForOwnService)).Contains(u.Id))
            .Where(u => HoldingAny(RolesGranting(permission)).Contains(u.Id)), cancellationToken);

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<EmailRecipient>>> OfAgenciesAsync(IReadOnlyCollection<int> supplyAgencyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supplyAgencyIds);
        var staff = await Active()
            .Where(u => u.SupplyAgencyId != null && supplyAgencyIds.Contains(u.SupplyAgencyId.Value))
            .Where(u => HoldingAny(RolesGranting(Permissions.SupplyCandidates)).Contains(u.Id))
            .OrderBy(u => u.Email)
            .Select(u => new { Agency = u.SupplyAgencyId!.Value, Recipient = new EmailRecipient(u.UserName!, u.Email!) })
            .ToListAsync(cancellationToken);
        return staff.GroupBy(s => s.Agency).ToDictionary(g => g.Key, g => (IReadOnlyList<EmailRecipient>)[.. g.Select(s => s.Recipient)]);
    }

    private IQueryable<ApplicationUser> Active() =>
        db.Users.AsNoTracking().Where(u => u.DeactivatedAt == null && u.UserName != null && u.Email != null);

    private static List<string> RolesGranting(string permission) => Access.Grants.TryGetValue(permission, out var roles) ? [.. roles] : [];

    /// <summary>The ids of users holding any of the roles, as a subquery.</summary>
    private IQueryable<string> HoldingAny(List<string> roles) =>
        from userRole in db.UserRoles
        join role in db.Roles on userRole.RoleId equals role.Id
        where roles.Contains(role.Name!)
        select userRole.UserId;

    private static async Task<IReadOnlyList<EmailRecipient>> ListAsync(IQueryable<ApplicationUser> users, CancellationToken cancellationToken) =>
        (await users.OrderBy(u => u.Email).Select(u => new EmailRecipient(u.UserName!, u.Email!)).ToListAsync(cancellationToken))
            .DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
}
