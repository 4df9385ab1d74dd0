using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SignOffs;

namespace Connect2Luton.Domain.Placements;

/// <summary>What a sign-off is for: a rate above its cap, or an extension past the longest length.</summary>
public enum SignOffSubject
{
    RateOverCap,
    ExtensionBeyondLimit,
}

public enum SignOffState
{
    Awaiting,
    Given,
    Declined,

    /// <summary>No longer needed: another post declined, or the booking or extension was called off.</summary>
    Withdrawn,
}

/// <summary>
/// One post's sign-off of a placement's exception: asked for when the recruiter booked or extended, given or
/// declined in the app by whoever held (or deputised for) the post then, with their note.
/// </summary>
public sealed class SignOff : Entity
{
    private SignOff() { Position = RequestedBy = string.Empty; }

    internal SignOff(SignOffSubject subject, string position, CapException? capException, PlacementExtension? extension, string by, DateTimeOffset at)
    {
        Subject = subject;
        Position = Guard.Required(position, Limits.Name, "The position");
        CapException = capException;
        Extension = extension;
        State = SignOffState.Awaiting;
        RequestedBy = Guard.Required(by, Limits.Actor);
        RequestedAt = at;
    }

    public int PlacementId { get; private set; }
    public SignOffSubject Subject { get; private set; }
    public string Position { get; private set; }
    public SignOffState State { get; private set; }
    public int? CapExceptionId { get; private set; }
    public CapException? CapException { get; private set; }
    public int? ExtensionId { get; private set; }
    public PlacementExtension? Extension { get; private set; }

    /// <summary>The recruiter who booked or extended: they cannot sign their own request.</summary>
    public string RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Whether this and <paramref name="other"/> sign off the same thing (one cap exception, or one extension).</summary>
    public bool SameRequestAs(SignOff other) =>
        Subject == other.Subject
        // Saved, by the keys (a placement read without tracking has no links between its parts); not yet saved, by the links.
        && (CapExceptionId is not null || ExtensionId is not null || other.CapExceptionId is not null || other.ExtensionId is not null
            ? CapExceptionId == other.CapExceptionId && ExtensionId == other.ExtensionId
            : ReferenceEquals(CapException, other.CapException) && ReferenceEquals(Extension, other.Extension));

    /// <summary>
    /// Recorded as given before the placement was brought into Connect2Luton: signed by <paramref name="name"/>
    /// (who signs in to nothing here, so no account is named) on the day the file gives.
    /// </summary>
    internal void GiveElsewhere(string name, DateTimeOffset at, string note)
    {
        if (State != SignOffState.Awaiting) throw new DomainRuleException($"The {Position}'s sign-off is no longer waiting.");
        State = SignOffState.Given;
        DecidedBy = null;
        DecidedByName = Guard.Required(name, Limits.Name, "The signer's name");
        DecidedAt = at;
        Note = Guard.Required(note, Limits.Reason, "The note");
    }

    internal void Give(PositionHolder signer, string? note, DateTimeOffset at) => Decide(SignOffState.Given, signer, Guard.Optional(note, Limits.Reason, "The note"), at);

    internal void Decline(PositionHolder signer, string note, DateTimeOffset at) => Decide(SignOffState.Declined, signer, Guard.Required(note, Limits.Reason, "The reason for declining"), at);

    internal void Withdraw(DateTimeOffset at)
    {
        if (State != SignOffState.Awaiting) return;
        State = SignOffState.Withdrawn;
        DecidedAt = at;
    }

    private void Decide(SignOffState state, PositionHolder signer, string? note, DateTimeOffset at)
    {
        State = state;
        DecidedBy = Guard.Required(signer.UserName, Limits.Actor);
        DecidedByName = Guard.Required(signer.Name, Limits.Name, "The signer's name");
        DecidedAt = at;
        Note = note;
    }
}

/// <summary>A sign-off given before a placement was brought in: the post, who signed for it, and when.</summary>
public sealed record SignOffGivenElsewhere(string Position, string Name, DateTimeOffset At);
