namespace Connect2Luton.Domain.Common;

/// <summary>
/// An invariant was broken: the application layer validates input first, so reaching this is a bug in a caller,
/// not something a user can cause.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message) : base(message) { }

    public DomainRuleException() { }

    public DomainRuleException(string message, Exception innerException) : base(message, innerException) { }
}
