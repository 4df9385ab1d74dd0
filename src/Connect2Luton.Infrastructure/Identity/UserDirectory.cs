using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>The accounts that can sign in (not deactivated), by display name.</summary>
internal sealed class UserDirectory(AppDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyList<DirectoryUser>> ActiveAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null && u.DeactivatedAt == null)
            .Select(u => new { u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken);
        return users
            .Select(u => new DirectoryUser(u.UserName!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName! : u.DisplayName))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken)
    {
        // Identity keeps each user name upper-cased invariantly beside it, under a unique index: looked up by that.
        var normalized = userNames.Select(n => n.ToUpperInvariant()).Distinct().ToList();
        if (normalized.Count == 0) return new Dictionary<string, string>();
        var accounts = await (
            from user in db.Users.AsNoTracking()
            where normalized.Contains(user.NormalizedUserName!)
            join worker in db.Workers.AsNoTracking() on user.WorkerId equals (int?)worker.Id into linked
            from worker in linked.DefaultIfEmpty()
            select new { user.UserName, user.DisplayName, Worker = worker == null ? null : worker.FirstName + " " + worker.LastName })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts)
        {
            var name = !string.IsNullOrWhiteSpace(account.Worker) ? account.Worker : account.DisplayName;
            if (account.UserName is { } userName && !string.IsNullOrWhiteSpace(name)) names[userName] = name;
        }
        // A hiring manager on record without an account of their own (demo history, or one who has left) is still
        // known by name: their email is how the week's history recorded them.
        var unnamed = userNames.Where(n => !names.ContainsKey(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unnamed.Count > 0)
            foreach (var manager in await db.HiringManagers.AsNoTracking().Where(m => unnamed.Contains(m.Email)).Select(m => new { m.Email, m.Name }).ToListAsync(cancellationToken))
                if (!string.IsNullOrWhiteSpace(manager.Name)) names.TryAdd(manager.Email, manager.Name);
        return names;
    }
}
