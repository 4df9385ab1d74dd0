using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Email;

/// <summary>What came of one attempt to send an outbox email.</summary>
public sealed record OutboxAttempt(long EmailId, OutboxEmailStatus Status, int Attempts, string? Error);

/// <summary>
/// Sends the outbox's emails that are due, one attempt at a time, each claimed first so that two nodes never make the
/// same attempt. A failed attempt is tried again after a wait that doubles each time, up to
/// <see cref="EmailSettings.MostAttempts"/>, then the email is marked failed and logged. Nothing that goes wrong
/// (the mail server, the database) ends the loop: it is logged and looked at again on the next pass.
/// </summary>
internal sealed partial class OutboxSender(
    IServiceScopeFactory scopes, IOptions<EmailSettings> options, OutboxWakeUp wakeUp, TimeProvider clock, ILogger<OutboxSender> logger) : BackgroundService
{
    // Claimed and sent one at a time, so a pass of this many holds each claim only for its own attempt.
    private const int EmailsPerPass = 50;
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);
    private DateTimeOffset _purgedAt = DateTimeOffset.MinValue;

    private EmailSettings Settings => options.Value;

    /// <summary>After every attempt, for whoever follows the outbox (a test).</summary>
    public event EventHandler<OutboxAttempt>? Attempted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Sends) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Settings.PollInterval;
            try
            {
                wait = await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever failed (the database unreachable, say) is logged and tried again on the next pass: the loop never ends on it.
            catch (Exception error)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, error);
            }
            try
            {
                await wakeUp.WaitAsync(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Sends what is due and says how long to wait before the next pass: until the next email is due, at most the poll interval.</summary>
    private async Task<TimeSpan> PassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.OutboxEmails.AsNoTracking()
            .Where(e => (e.Status == OutboxEmailStatus.Queued || e.Status == OutboxEmailStatus.Gathering) && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.Version })
            .Take(EmailsPerPass)
            .ToListAsync(cancellationToken);
        if (due.Count > 0)
        {
            await using var delivery = new SmtpDelivery(Settings, clock);
            foreach (var email in due) await AttemptAsync(db, delivery, email.Id, email.Version, cancellationToken);
        }
        await PurgeAsync(db, cancellationToken);

        if (due.Count == EmailsPerPass) return TimeSpan.Zero;
        var next = await db.OutboxEmails.AsNoTracking()
            .Where(e => e.Status == OutboxEmailStatus.Queued || e.Status == OutboxEmailStatus.Gathering)
            .OrderBy(e => e.NextAttemptAt).Select(e => (DateTimeOffset?)e.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var untilNext = next is { } at ? at - clock.GetUtcNow() : Settings.PollInterval;
        return untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < Settings.PollInterval ? untilNext : Settings.PollInterval;
    }

    private async Task AttemptAsync(AppDbContext db, SmtpDelivery delivery, long id, int version, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        // Claimed by raising the version this pass read: of two nodes reading the same row, one claims it. The claim
        // counts as an attempt, and lasts the lease, so an attempt cut short by a node stopping is made again later.
        var claimed = await db.OutboxEmails
            .Where(e => e.Id == id && e.Version == version && (e.Status == OutboxEmailStatus.Queued || e.Status == OutboxEmailStatus.Gathering))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Version, e => e.Version + 1)
                .SetProperty(e => e.Status, OutboxEmailStatus.Queued)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.NextAttemptAt, now + Settings.AttemptLease)
                .SetProperty(e => e.ClaimedBy, claim), cancellationToken);
        if (claimed == 0) return;
        var email = await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);

        OutboxAttempt outcome;
        try
        {
            await delivery.SendAsync(email, cancellationToken);
            outcome = await RecordAsync(db, email, claim, OutboxEmailStatus.Sent, clock.GetUtcNow(), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the claim runs out and the attempt is made again (by this node after a restart, or another).
            throw;
        }
#pragma warning disable CA1031 // Any failure to send is the email's to record: it is tried again or given up on, never lost.
        catch (Exception error)
#pragma warning restore CA1031
        {
            var failedAt = clock.GetUtcNow();
            var message = $"{error.GetType().Name}: {error.Message}";
            var giveUp = SmtpDelivery.IsPermanent(error) || email.Attempts >= Settings.MostAttempts;
            outcome = await RecordAsync(db, email, claim, giveUp ? OutboxEmailStatus.Failed : OutboxEmailStatus.Queued, failedAt + RetryWait(email.Attempts), message);
            if (giveUp) LogGivenUp(logger, email.Id, email.Subject, email.Attempts, message);
            else LogRetrying(logger, email.Id, email.Attempts, outcome.Error!);
        }
        Attempted?.Invoke(this, outcome);
    }

    /// <summary>The wait after the given number of failed attempts: the first wait, doubled for each attempt after the first, at most the longest.</summary>
    private TimeSpan RetryWait(int attempts)
    {
        var wait = Settings.FirstRetryWait;
        for (var i = 1; i < attempts && wait < Settings.LongestRetryWait; i++) wait *= 2;
        return wait < Settings.LongestRetryWait ? wait : Settings.LongestRetryWait;
    }

    // Written whatever the caller's token says once the server has answered, and only while this attempt still holds
    // its claim: a row another node has taken since (this attempt outlived its lease) is theirs to record.
    private static async Task<OutboxAttempt> RecordAsync(AppDbContext db, OutboxEmail email, string claim, OutboxEmailStatus status, DateTimeOffset at, string? error)
    {
        var bounded = error is null || error.Length <= OutboxEmail.MostErrorLength ? error : error[..OutboxEmail.MostErrorLength];
        var sentAt = status == OutboxEmailStatus.Sent ? at : (DateTimeOffset?)null;
        var nextAttemptAt = status == OutboxEmailStatus.Sent ? email.NextAttemptAt : at;
        await db.OutboxEmails
            .Where(e => e.Id == email.Id && e.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Version, e => e.Version + 1)
                .SetProperty(e => e.Status, status)
                .SetProperty(e => e.SentAt, sentAt)
                .SetProperty(e => e.NextAttemptAt, nextAttemptAt)
                .SetProperty(e => e.LastError, bounded)
                .SetProperty(e => e.ClaimedBy, (string?)null), CancellationToken.None);
        return new OutboxAttempt(email.Id, status, email.Attempts, bounded);
    }

    /// <summary>Sent emails are let go after a while; failed ones stay until someone deals with them.</summary>
    private async Task PurgeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _purgedAt < PurgeEvery) return;
        var before = now - Settings.KeepSentFor;
        await db.OutboxEmails.Where(e => e.Status == OutboxEmailStatus.Sent && e.SentAt < before).ExecuteDeleteAsync(cancellationToken);
        _purgedAt = now;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox email {Id} could not be sent (attempt {Attempts}); it will be tried again: {Error}")]
    private static partial void LogRetrying(ILogger logger, long id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox email {Id} (\"{Subject}\") was given up on after {Attempts} attempts: {Error}")]
    private static partial void LogGivenUp(ILogger logger, long id, string subject, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox could not be read or updated; it will be looked at again")]
    private static partial void LogPassFailed(ILogger logger, Exception error);
}
