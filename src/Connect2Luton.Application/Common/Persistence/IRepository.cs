using Connect2Luton.Domain.Common;

namespace Connect2Luton.Application.Common.Persistence;

/// <summary>
/// Loads aggregates for change and stages new ones. Nothing is written until the use case calls
/// <see cref="IUnitOfWork.SaveChangesAsync"/> once, so an aggregate and its decision records land together.
/// </summary>
public interface IRepository<T> : IReadRepository<T> where T : AggregateRoot
{
    Task<T?> GetByIdAsync(int id, CancellationToken cancellationToken = default);

    void Add(T aggregate);

    void Remove(T aggregate);

    /// <summary>
    /// Declares the version the user saw when they started editing: the save is refused as a conflict if anyone
    /// has saved the aggregate since.
    /// </summary>
    void ExpectVersion(T aggregate, int version);

    /// <summary>
    /// Takes the aggregate (loaded for update) into this save though nothing of it changes: its version is raised, so
    /// of two saves that claim or change it at once the second is a conflict. For a rule across aggregates that
    /// the database cannot hold, such as a worker booked into one placement at a time.
    /// </summary>
    void Claim(T aggregate);
}
