namespace Connect2Luton.Application.Email;

/// <summary>
/// Emails go out through an outbox: queued here as part of the change that causes them, written by the same
/// <see cref="Common.Persistence.IUnitOfWork.SaveChangesAsync"/> (both or neither), and sent afterwards by a
/// background worker that retries. A failed send never loses or holds up the change. Where no mail server is set
/// up, nothing is queued and nothing is sent.
/// </summary>
public interface IOutbox
{
    /// <summary>Whether emails are sent at all; when not, queuing does nothing, so a use case can skip finding recipients.</summary>
    bool Sends { get; }

    /// <summary>The full address of a page of the app, for a link in an email ("/Requisitions/12").</summary>
    string LinkTo(string path);

    /// <summary>Stages the message for the unit of work's next save: one email to each recipient.</summary>
    void Queue(EmailMessage message);

    /// <summary>
    /// Adds to a digest that is held until it is <see cref="ReleaseAsync">released</see>, one email to each recipient:
    /// each part is staged for the unit of work's next save, like <see cref="Queue"/>, so what a digest counts was
    /// saved in the same transactions as the count. A digest never released (its work stopped) goes out by itself a
    /// while after its last part.
    /// </summary>
    Task GatherAsync(EmailDigest digest, CancellationToken cancellationToken);

    /// <summary>Stages the sending of the digests gathered under the key, for the unit of work's next save.</summary>
    Task ReleaseAsync(string digestKey, CancellationToken cancellationToken);

    /// <summary>How the outbox stands, for admins.</summary>
    Task<OutboxFigures> FiguresAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A part of a digest: <paramref name="Count"/> more of what it reports, to the recipients. <paramref name="Compose"/>
/// writes the email for the whole count gathered so far.
/// </summary>
public sealed record EmailDigest(string Key, IReadOnlyCollection<string> To, int Count, Func<int, EmailContent> Compose);

/// <summary>What an email says; its subject always on one line.</summary>
public sealed record EmailContent(string Subject, string Body)
{
    public string Subject { get; } = EmailText.Subject(Subject);
}

/// <summary>Emails waiting to be sent (including those being retried), those given up on, and the last problem.</summary>
public sealed record OutboxFigures(bool Sends, int Waiting, int Retrying, int Failed, DateTimeOffset? LastSentAt, string? LastError)
{
    public static OutboxFigures NotSending { get; } = new(false, 0, 0, 0, null, null);
}
