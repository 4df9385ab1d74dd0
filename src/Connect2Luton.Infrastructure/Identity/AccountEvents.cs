using System.Text.Json;
using Connect2Luton.Domain.Auditing;
using Connect2Luton.Infrastructure.Persistence;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// What happens to an account that changes only columns the audit trail never copies (a password, a lock): said on
/// the trail in words, with who did it and when, and never the secret itself.
/// </summary>
internal static class AccountEvents
{
    public static async Task RecordAsync(AppDbContext db, string by, DateTimeOffset at, string userId, string happened, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry(by, at, nameof(ApplicationUser), userId, AuditAction.Changed, JsonSerializer.Serialize(new { Account = happened })));
        await db.SaveChangesAsync(cancellationToken);
    }
}
