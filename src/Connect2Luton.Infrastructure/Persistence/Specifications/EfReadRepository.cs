using System.Linq.Expressions;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence.Specifications;

internal class EfReadRepository<T>(AppDbContext db) : IReadRepository<T> where T : class
{
    protected AppDbContext Db { get; } = db;

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Db.Set<T>(), specification).ToListAsync(cancellationToken);

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Db.Set<T>(), specification).ToListAsync(cancellationToken);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Db.Set<T>(), specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Db.Set<T>(), specification).FirstOrDefaultAsync(cancellationToken);

    public IAsyncEnumerable<TResult> StreamAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Db.Set<T>(), specification).AsAsyncEnumerable();

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.ApplyCriteria(Db.Set<T>(), specification).CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.ApplyCriteria(Db.Set<T>(), specification).AnyAsync(cancellationToken);

    public Task<Dictionary<TKey, int>> CountByAsync<TKey>(ISpecification<T> specification, Expression<Func<T, TKey>> key, CancellationToken cancellationToken = default)
        where TKey : notnull =>
        SpecificationEvaluator.ApplyCriteria(Db.Set<T>(), specification)
            .GroupBy(key)
            .Select(group => new { group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.Key, row => row.Count, cancellationToken);

    public Task<List<TResult>> GroupAsync<TRow, TKey, TResult>(
        ISpecification<T, TRow> rows, Expression<Func<TRow, TKey>> key, Expression<Func<IGrouping<TKey, TRow>, TResult>> row, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Db.Set<T>(), rows).GroupBy(key).Select(row).ToListAsync(cancellationToken);
}
