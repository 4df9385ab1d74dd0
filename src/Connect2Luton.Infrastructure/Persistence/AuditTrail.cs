using System.Text.Json;
using System.Text.Json.Serialization;
using Connect2Luton.Domain.Auditing;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// Captures, before a save, what each changed row looked like and becomes, for the audit trail. Owned values
/// (a placement's rates, a worker's DBS check) are recorded under their owner.
/// </summary>
internal static class AuditTrail
{
    // Records that are themselves the record of what happened, or that are noise: not audited again. A placement
    // flag is the nightly job's own record (raised and resolved with dates, the rule and its version); a rule file
    // version records its author, time and comment, and would copy the whole file into the trail. A data protection
    // key is a secret: the trail must never hold a copy of it. A change signal is the servers' bookkeeping. An outbox email is the record of what was sent to
    // whom, and is changed by every attempt to send it. The nightly checks' due days are their bookkeeping. A requisition's release records each of its steps itself (who
    // or what, when, which tier, how many agencies, under which rules or why).
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey), typeof(Cluster.ChangeSignal),
        typeof(AuditEntry), typeof(RuleDecision), typeof(JobRun), typeof(Domain.Placements.PlacementFlag), typeof(Domain.RuleSets.RuleFileVersion), typeof(Email.OutboxEmail),
        typeof(Domain.SupplyChain.SupplierRelease), typeof(Domain.SupplyChain.ReleaseStep), typeof(Domain.SupplyChain.ReleasedProfile),
        typeof(Scheduling.Dues.NightlyDue), typeof(Scheduling.Dues.NightlyChange), typeof(Scheduling.Dues.NightlyBasis),
        typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>), typeof(IdentityRoleClaim<string>),
    ];

    // Secrets and churn never go into the trail: passwords and stamps on user records, and the concurrency
    // token every save raises. A file uploaded to import holds people's details by the thousand: the trail says who
    // uploaded and imported it and when, and each record it brought in has its own entry, never a copy of the file.
    private static readonly HashSet<string> HiddenProperties =
    [
        nameof(Domain.Common.AggregateRoot.Version), nameof(Domain.Imports.ImportUpload.Content),
        nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp),
        nameof(ApplicationUser.AccessFailedCount), nameof(ApplicationUser.LockoutEnd),
    ];

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>One pending entry per changed row; an owned value's changes join its owner's entry.</summary>
    public static List<PendingAuditEntry> Capture(ChangeTracker changeTracker)
    {
        var pending = new Dictionary<object, PendingAuditEntry>(ReferenceEqualityComparer.Instance);
        var principals = new Principals(changeTracker);
        foreach (var entry in changeTracker.Entries())
        {
            if (entry.State is EntityState.Detached or EntityState.Unchanged || NotAudited.Contains(entry.Metadata.ClrType)) continue;

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Removed,
                _ => AuditAction.Changed,
            };
            var (owner, prefix) = OwnerOf(entry, principals);
            var changes = new Dictionary<string, object?>();
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.IsShadowProperty() && property.Metadata.IsKey()) continue;
                // A new row's own id is the database's to give: the placeholder before the save says nothing (the entry's id is the real one).
                if (property.IsTemporary && property.Metadata.IsPrimaryKey()) continue;
                if (HiddenProperties.Contains(property.Metadata.Name)) continue;
                if (action == AuditAction.Changed && !property.IsModified) continue;
                if (action == AuditAction.Changed && Equals(property.OriginalValue, property.CurrentValue)) continue;
                changes[prefix + property.Metadata.Name] = action switch
                {
                    AuditAction.Added => new { to = property.CurrentValue },
                    AuditAction.Removed => new { from = property.OriginalValue },
                    _ => new { from = property.OriginalValue, to = property.CurrentValue },
                };
            }
            if (changes.Count == 0) continue;
            if (pending.TryGetValue(owner.Entity, out var existing))
            {
                foreach (var (name, change) in changes) existing.Changes[name] = change;
            }
            else
            {
                // A new or removed owned value is a change to its owner, which itself was already there.
                var ownerAction = ReferenceEquals(owner.Entity, entry.Entity) ? action : owner.State switch
                {
                    EntityState.Added => AuditAction.Added,
                    EntityState.Deleted => AuditAction.Removed,
                    _ => AuditAction.Changed,
                };
                pending[owner.Entity] = new PendingAuditEntry(owner, ownerAction, changes);
            }
        }
        return pending.Values.ToList();
    }

    private static (EntityEntry Owner, string Prefix) OwnerOf(EntityEntry entry, Principals principals)
    {
        var ownership = entry.Metadata.FindOwnership();
        if (ownership is null) return (entry, string.Empty);
        var ownerEntry = entry.References
            .Select(r => r.TargetEntry)
            .FirstOrDefault(t => t is not null && t.Metadata == ownership.PrincipalEntityType);
        ownerEntry ??= principals.Find(entry, ownership);
        return ownerEntry is null ? (entry, string.Empty) : (ownerEntry, ownership.PrincipalToDependent?.Name + ".");
    }

    /// <summary>
    /// The tracked entries by type and key, built once per save when an owned value needs its owner found: a
    /// nightly batch saves thousands of rows, and searching all of them for each owner would be quadratic.
    /// </summary>
    private sealed class Principals(ChangeTracker changeTracker)
    {
        private Dictionary<(IEntityType Type, string Key), EntityEntry>? _byKey;

        public EntityEntry? Find(EntityEntry dependent, IForeignKey ownership)
        {
            _byKey ??= changeTracker.Entries()
                .Where(e => e.Metadata.FindPrimaryKey() is not null)
                .GroupBy(e => ((IEntityType)e.Metadata, KeyOf(e, e.Metadata.FindPrimaryKey()!.Properties)))
                .ToDictionary(g => g.Key, g => g.First());
            var key = string.Join('|', ownership.Properties.Select(p => dependent.Property(p.Name).CurrentValue));
            return _byKey.GetValueOrDefault(((IEntityType)ownership.PrincipalEntityType, key));
        }

        private static string KeyOf(EntityEntry entry, IReadOnlyList<IProperty> properties) =>
            string.Join('|', properties.Select(p => entry.Property(p.Name).CurrentValue));
    }

    internal sealed record PendingAuditEntry(EntityEntry Entry, AuditAction Action, Dictionary<string, object?> Changes)
    {
        public AuditEntry ToEntry(string userName, DateTimeOffset at)
        {
            var key = Entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Entry.Property(p.Name).CurrentValue);
            return new AuditEntry(
                userName,
                at,
                Entry.Metadata.ClrType.Name,
                key is null ? string.Empty : string.Join(',', key),
                Action,
                JsonSerializer.Serialize(Changes, JsonOptions));
        }
    }
}
