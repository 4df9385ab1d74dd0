using System.Collections;
using Connect2Luton.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// Raises <see cref="AggregateRoot.Version"/> on every aggregate a save changes, including changes made only to
/// its parts (an extension added to a placement, a worker added to a shortlist). EF checks the loaded version
/// in the UPDATE, so of two people saving the same aggregate the second gets a conflict instead of winning.
/// </summary>
internal static class AggregateVersions
{
    public static void Stamp(ChangeTracker changeTracker)
    {
        // One look at what is tracked (each look detects changes again, over everything a save tracks).
        var entries = changeTracker.Entries().ToList();
        // A part set to null (a registration removed) is no longer reachable from its owner, only deleted beside it.
        var removed = entries.Where(e => e.State == EntityState.Deleted && e.Metadata.IsOwned()).ToList();
        foreach (var root in entries.Where(e => e.Entity is AggregateRoot && e.State != EntityState.Added).Select(e => e.Context.Entry((AggregateRoot)e.Entity)))
        {
            if (root.State != EntityState.Modified && !HasChangedParts(root) && !removed.Any(part => IsPartOf(part, root))) continue;
            var version = root.Property(r => r.Version);
            version.CurrentValue = version.OriginalValue + 1;
            if (root.State == EntityState.Unchanged) root.State = EntityState.Modified;
        }
    }

    private static bool HasChangedParts(EntityEntry entry) =>
        entry.References.Any(r => r.TargetEntry is { } owned && r.Metadata.TargetEntityType.IsOwned() && (IsChanged(owned) || HasChangedParts(owned)))
        || entry.Collections.Any(c => c.CurrentValue is IEnumerable items && items.Cast<object>().Any(item => IsChanged(entry.Context.Entry(item))));

    private static bool IsPartOf(EntityEntry part, EntityEntry root) =>
        part.Metadata.FindOwnership() is { } ownership
        && ownership.PrincipalEntityType.IsAssignableFrom(root.Metadata)
        && ownership.Properties.Select(p => part.Property(p.Name).OriginalValue)
            .SequenceEqual(ownership.PrincipalKey.Properties.Select(p => root.Property(p.Name).OriginalValue));

    private static bool IsChanged(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;
}
