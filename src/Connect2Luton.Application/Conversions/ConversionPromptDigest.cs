using System.Globalization;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Email;

namespace Connect2Luton.Application.Conversions;

/// <summary>
/// One email a night to each recruiter, saying how many permanent-conversion prompts the nightly job raised, rather
/// than one per prompt. Each batch adds its count in the transaction that saves its prompts, so the email never
/// counts a prompt that was not saved nor misses one that was; it goes when the run ends.
/// </summary>
public sealed class ConversionPromptDigest(IOutbox outbox, IEmailRecipients recipients)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Adds prompts raised (or woken from a snooze) in this unit of work to the night's digest.</summary>
    public async Task GatherAsync(int raised, DateOnly night, CancellationToken cancellationToken)
    {
        if (raised <= 0 || !outbox.Sends) return;
        var to = (await recipients.HoldingAsync(Permissions.HearOfNewConversionPrompts, cancellationToken)).Select(r => r.Email).ToList();
        if (to.Count == 0) return;
        await outbox.GatherAsync(new EmailDigest(Key(night), to, raised, total => Compose(total, night)), cancellationToken);
    }

    /// <summary>The run has ended: the night's digest goes with the unit of work's next save.</summary>
    public Task ReleaseAsync(DateOnly night, CancellationToken cancellationToken) =>
        outbox.Sends ? outbox.ReleaseAsync(Key(night), cancellationToken) : Task.CompletedTask;

    private static string Key(DateOnly night) => $"conversion-prompts/{night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private EmailContent Compose(int total, DateOnly night)
    {
        var prompts = total == 1 ? "1 worker is" : string.Create(English, $"{total:N0} workers are");
        var body = $"""
            The nightly check on {EmailText.Date(night)} found that {prompts} ready to be offered a permanent post.

            Each has a permanent-conversion prompt with the reasons and what converting would save. Read them and record
            what you do (offer made, declined, not suitable, snooze or converted):
            {outbox.LinkTo("/Conversions")}

            Connect2Luton
            """;
        var subject = total == 1
            ? "1 new permanent-conversion prompt"
            : string.Create(English, $"{total:N0} new permanent-conversion prompts");
        return new EmailContent(subject, body);
    }
}
