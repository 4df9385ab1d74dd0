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
}
