namespace Connect2Luton.Infrastructure.Email;

public enum OutboxEmailStatus
{
    /// <summary>A digest still being added to; sent once released, or by itself when its hold runs out.</summary>
    Gathering,

    /// <summary>To be sent when <see cref="OutboxEmail.NextAttemptAt"/> comes (again, after a failed attempt).</summary>
    Queued,

    Sent,

    /// <summary>Given up on after the most attempts allowed, or an address no server would take.</summary>
    Failed,
}

/// <summary>
/// One email to one recipient, written in the transaction of the change that caused it and sent afterwards by
/// <see cref="OutboxSender"/>. <see cref="Version"/> is raised by every claim and every change, so two nodes never
/// both claim one attempt, and a digest is never added to while it is being sent.
/// </summary>
public sealed class OutboxEmail
{
    public const int MostErrorLength = 1000;
    public const int MostBodyLength = 20_000;
    public const int MostDigestKeyLength = 100;
    public const int MostClaimLength = 64;

    private OutboxEmail()
    {
        To = Subject = Body = string.Empty;
    }

    public OutboxEmail(string to, string subject, string body, DateTimeOffset createdAt)
    {
        To = to;
        Subject = subject;
        Body = body.Length <= MostBodyLength ? body : body[..MostBodyLength];
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = OutboxEmailStatus.Queued;
    }

    public long Id { get; private set; }
    public string To { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public OutboxEmailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Who holds the current attempt (a node's token for that attempt), until <see cref="NextAttemptAt"/>.</summary>
    public string? ClaimedBy { get; private set; }

    public int Version { get; private set; }

    /// <summary>For a digest: what it gathers (the night's conversion prompts), and how many it counts so far.</summary>
    public string? DigestKey { get; private set; }

    public int DigestCount { get; private set; }

    public static OutboxEmail Digest(string key, string to, int count, string subject, string body, DateTimeOffset now, TimeSpan hold)
    {
        var email = new OutboxEmail(to, subject, body, now) { DigestKey = key, DigestCount = count, Status = OutboxEmailStatus.Gathering };
        email.NextAttemptAt = now + hold;
        return email;
    }

    public void AddToDigest(int count, string subject, string body, DateTimeOffset now, TimeSpan hold)
    {
        DigestCount += count;
        Subject = subject;
        Body = body.Length <= MostBodyLength ? body : body[..MostBodyLength];
        NextAttemptAt = now + hold;
        Version++;
    }

    public void Release(DateTimeOffset now)
    {
        Status = OutboxEmailStatus.Queued;
        NextAttemptAt = now;
        Version++;
    }
}
