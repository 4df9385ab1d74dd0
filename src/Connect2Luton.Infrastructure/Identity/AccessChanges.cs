using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// A user who gains or loses a role, or whose service area changes, starts again from sign-in on every device:
/// their security stamp is renewed in the same save, and <see cref="SessionCheck"/> refuses cookies that carry
/// the old one. Done at the save rather than in a page so that every way of changing access (a page, an
/// import, a script) ends the sessions it should; Identity itself renews the stamp only for passwords.
/// </summary>
internal static class AccessChanges
{
    public static async Task EndSessionsAsync(DbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<IdentityUserRole<string>>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity.UserId)
            .Concat(db.ChangeTracker.Entries<ApplicationUser>()
                .Where(e => e.State == EntityState.Modified && ScopeChanged(e))
                .Select(e => e.Entity.Id))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var userId in changed)
        {
            var user = db.ChangeTracker.Entries<ApplicationUser>().FirstOrDefault(e => e.Entity.Id == userId)?.Entity
                ?? await db.Set<ApplicationUser>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
            // A user being deleted or not yet saved has no sessions to end.
            if (user is null || db.Entry(user).State is EntityState.Added or EntityState.Deleted) continue;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
    }

    private static bool ScopeChanged(EntityEntry<ApplicationUser> entry) =>
        entry.Property(u => u.ServiceAreaId).IsModified
        && entry.Property(u => u.ServiceAreaId).OriginalValue != entry.Property(u => u.ServiceAreaId).CurrentValue;
}
