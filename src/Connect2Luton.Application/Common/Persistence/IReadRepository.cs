using System.Linq.Expressions;
using Connect2Luton.Application.Common.Specifications;

namespace Connect2Luton.Application.Common.Persistence;

/// <summary>Reads through specifications; the one abstraction the application has over EF Core.</summary>
public interface IReadRepository<T> where T : class
{
    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    /// <summary>Streams a projection row by row, for exports that must not hold every row in memory.</summary>
    IAsyncEnumerable<TResult> StreamAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    /// <summary>Counts what the criteria match, ignoring ordering and paging, so one specification serves a page and its total.</summary>
    Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>Counts what the criteria match, grouped by a key, in the database.</summary>
    Task<Dictionary<TKey, int>> CountByAsync<TKey>(ISpecification<T> specification, Expression<Func<T, TKey>> key, CancellationToken cancellationToken = default)
        where TKey : notnull;

    /// <summary>
    /// Groups the rows a projection gives (flat values: owned parts read through a navigation inside a group would
    /// become a subquery a group) by a key and folds each group into a row of counts and sums, in the database:
    /// reports read one row a group, never every row.
    /// </summary>
    Task<List<TResult>> GroupAsync<TRow, TKey, TResult>(
        ISpecification<T, TRow> rows, Expression<Func<TRow, TKey>> key, Expression<Func<IGrouping<TKey, TRow>, TResult>> row, CancellationToken cancellationToken = default);
}
