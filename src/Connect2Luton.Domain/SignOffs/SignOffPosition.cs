using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.SignOffs;

/// <summary>Someone who can sign: the user name they sign in with (kept on what they sign) and their name as shown.</summary>
public sealed record PositionHolder(string UserName, string Name);

/// <summary>
/// A post the rules name as signing off an exception ("Director of Children's Services", "Chief Executive"), and
/// who holds it: a holder and, for when they are away, a deputy. Either may sign for the post. An admin says who;
/// the rules say which posts there are.
/// </summary>
public sealed class SignOffPosition : AggregateRoot
{
    private SignOffPosition() { Name = ChangedBy = string.Empty; }

    public SignOffPosition(string name, string by, DateTimeOffset at)
    {
        Name = Guard.Required(name, Limits.Name, "The position");
        ChangedBy = Guard.Required(by, Limits.Actor);
        ChangedAt = at;
    }

    public string Name { get; private set; }
    public string? HolderUserName { get; private set; }
    public string? HolderName { get; private set; }
    public string? DeputyUserName { get; private set; }
    public string? DeputyName { get; private set; }
    public string ChangedBy { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    public PositionHolder? Holder => HolderUserName is null ? null : new(HolderUserName, HolderName ?? HolderUserName);
    public PositionHolder? Deputy => DeputyUserName is null ? null : new(DeputyUserName, DeputyName ?? DeputyUserName);

    /// <summary>Whether the user may sign for this post: they hold it, or deputise for it.</summary>
    public bool IsHeldBy(string userName) =>
        string.Equals(HolderUserName, userName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(DeputyUserName, userName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Says who holds the post and who deputises (either may be nobody); one person cannot be both.</summary>
    public void Assign(PositionHolder? holder, PositionHolder? deputy, string by, DateTimeOffset at)
    {
        if (holder is null && deputy is not null) throw new DomainRuleException("A post with a deputy needs a holder: choose the holder first.");
        if (holder is not null && deputy is not null && string.Equals(holder.UserName, deputy.UserName, StringComparison.OrdinalIgnoreCase))
            throw new DomainRuleException("The deputy must be someone other than the holder.");
        HolderUserName = Guard.Optional(holder?.UserName, Limits.Actor, "The holder");
        HolderName = Guard.Optional(holder?.Name, Limits.Name, "The holder's name");
        DeputyUserName = Guard.Optional(deputy?.UserName, Limits.Actor, "The deputy");
        DeputyName = Guard.Optional(deputy?.Name, Limits.Name, "The deputy's name");
        ChangedBy = Guard.Required(by, Limits.Actor);
        ChangedAt = at;
    }

    /// <summary>The posts a rule's approvers name, as the rule file writes them: "Director of Children's Services; Chief Executive".</summary>
    public static IReadOnlyList<string> Named(string? approvers) =>
        (approvers ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
