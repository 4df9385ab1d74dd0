namespace Connect2Luton.Domain.Common;

/// <summary>
/// The unit a use case loads, changes and saves as a whole. <see cref="Version"/> is the concurrency token:
/// the persistence layer raises it on every save that changes the aggregate or any of its parts, and a save
/// made against an older version is refused instead of overwriting someone else's change.
/// </summary>
public abstract class AggregateRoot : Entity
{
    public int Version { get; private set; }
}
