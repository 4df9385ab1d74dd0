using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>The accounts that can sign in now (not locked out for good), by display name.</summary>
internal sealed class UserDirectory(AppDbContext db, TimeProvider clock) : IUserDirectory
{
    public async Task<IReadOnlyList<DirectoryUser>> ActiveAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null)
            .Select(u => new { u.UserName, u.DisplayName, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        // Lockout ends are compared here: SQLite cannot order or compare DateTimeOffset columns in SQL.
        return users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .Select(u => new DirectoryUser(u.UserName!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName! : u.DisplayName))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
