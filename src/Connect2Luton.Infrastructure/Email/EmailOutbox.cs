using Connect2Luton.Application.Email;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Email;

/// <summary>
/// The outbox as rows of the app's own database, added to the scoped context: the caller's unit of work writes them
/// with its change, in its transaction, or not at all. Where no mail server is set, nothing is written.
/// </summary>
internal sealed class EmailOutbox(AppDbContext db, IOptions<EmailSettings> options, TimeProvider clock) : IOutbox
{
    private EmailSettings Settings => options.Value;

    public bool Sends => Settings.Sends;

    public string LinkTo(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return (Settings.AppUrl ?? string.Empty).TrimEnd('/') + "/" + path.TrimStart('/');
    }

    public void Queue(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Sends) return;
        var now = clock.GetUtcNow();
        foreach (var to in message.To) db.OutboxEmails.Add(new OutboxEmail(to, message.Subject, message.Body, now));
    }

    public async Task GatherAsync(EmailDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (!Sends || digest.Count <= 0) return;
        var now = clock.GetUtcNow();
        var gathering = await GatheringAsync(digest.Key, cancellationToken);
        foreach (var to in digest.To.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (gathering.FirstOrDefault(e => string.Equals(e.To, to, StringComparison.OrdinalIgnoreCase)) is { } part)
            {
                var content = digest.Compose(part.DigestCount + digest.Count);
                part.AddToDigest(digest.Count, content.Subject, content.Body, now, Settings.DigestHold);
            }
            else
            {
                var content = digest.Compose(digest.Count);
                db.OutboxEmails.Add(OutboxEmail.Digest(digest.Key, to, digest.Count, content.Subject, content.Body, now, Settings.DigestHold));
            }
        }
    }

    public async Task ReleaseAsync(string digestKey, CancellationToken cancellationToken)
    {
        if (!Sends) return;
        var now = clock.GetUtcNow();
        foreach (var part in await GatheringAsync(digestKey, cancellationToken)) part.Release(now);
    }

    // Read for update: a part the sender claims meanwhile (its hold ran out) raises its version, and this save is then a conflict.
    private async Task<List<OutboxEmail>> GatheringAsync(string key, CancellationToken cancellationToken)
    {
        var staged = db.OutboxEmails.Local.Where(e => e.DigestKey == key && e.Status == OutboxEmailStatus.Gathering).ToList();
        var stored = await db.OutboxEmails.Where(e => e.DigestKey == key && e.Status == OutboxEmailStatus.Gathering).ToListAsync(cancellationToken);
        return staged.Union(stored).ToList();
    }

    public async Task<OutboxFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        if (!Sends) return OutboxFigures.NotSending;
        var counts = await db.OutboxEmails.AsNoTracking()
            .Where(e => e.Status != OutboxEmailStatus.Sent)
            .GroupBy(e => new { e.Status, Retrying = e.Attempts > 0 })
            .Select(g => new { g.Key.Status, g.Key.Retrying, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var lastSent = await db.OutboxEmails.AsNoTracking().Where(e => e.Status == OutboxEmailStatus.Sent)
            .OrderByDescending(e => e.SentAt).Select(e => e.SentAt).FirstOrDefaultAsync(cancellationToken);
        var lastError = await db.OutboxEmails.AsNoTracking().Where(e => e.LastError != null && e.Status != OutboxEmailStatus.Sent)
            .OrderByDescending(e => e.NextAttemptAt).Select(e => e.LastError).FirstOrDefaultAsync(cancellationToken);
        return new OutboxFigures(
            true,
            Waiting: counts.Where(c => c.Status is OutboxEmailStatus.Queued or OutboxEmailStatus.Gathering && !c.Retrying).Sum(c => c.Count),
            Retrying: counts.Where(c => c.Status == OutboxEmailStatus.Queued && c.Retrying).Sum(c => c.Count),
            Failed: counts.Where(c => c.Status == OutboxEmailStatus.Failed).Sum(c => c.Count),
            lastSent,
            lastError);
    }
}
