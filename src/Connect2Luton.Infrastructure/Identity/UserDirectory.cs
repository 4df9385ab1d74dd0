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
}
