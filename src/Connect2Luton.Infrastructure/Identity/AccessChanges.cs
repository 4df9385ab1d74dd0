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
    /// <remarks>
    /// Runs inside every save, after <see cref="Persistence.AggregateVersions"/> has had the changes detected: one
    /// pass over the tracked entries, without detecting them again, so a batch of thousands pays nothing more.
    /// </remarks>
    public static async Task EndSessionsAsync(DbContext db, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var tracked = new Dictionary<string, ApplicationUser>(StringComparer.Ordinal);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.Entity is IdentityUserRole<string> role && entry.State is EntityState.Added or EntityState.Deleted) changed.Add(role.UserId);
                if (entry.Entity is not ApplicationUser user) continue;
                tracked[user.Id] = user;
                if (entry.State == EntityState.Modified && ScopeChanged(db.Entry(user))) changed.Add(user.Id);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        foreach (var userId in changed)
        {
            var user = tracked.GetValueOrDefault(userId) ?? await db.Set<ApplicationUser>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
            // A user being deleted or not yet saved has no sessions to end.
            if (user is null || db.Entry(user).State is EntityState.Added or EntityState.Deleted) continue;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
    }

    private static bool ScopeChanged(EntityEntry<ApplicationUser> entry) =>
        (entry.Property(u => u.ServiceAreaId).IsModified
            && entry.Property(u => u.ServiceAreaId).OriginalValue != entry.Property(u => u.ServiceAreaId).CurrentValue)
        || (entry.Property(u => u.SupplyAgencyId).IsModified
            && entry.Property(u => u.SupplyAgencyId).OriginalValue != entry.Property(u => u.SupplyAgencyId).CurrentValue)
        || (entry.Property(u => u.WorkerId).IsModified
            && entry.Property(u => u.WorkerId).OriginalValue != entry.Property(u => u.WorkerId).CurrentValue);
}
