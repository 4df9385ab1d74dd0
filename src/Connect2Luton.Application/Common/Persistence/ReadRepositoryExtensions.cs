using Connect2Luton.Application.Common.Specifications;

namespace Connect2Luton.Application.Common.Persistence;

public static class ReadRepositoryExtensions
{
    /// <summary>A page of a projection and the total its criteria match, from one specification.</summary>
    public static async Task<PagedResult<TResult>> PageAsync<T, TResult>(
        this IReadRepository<T> repository, ISpecification<T, TResult> specification, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(specification);
        var size = specification.Take ?? throw new ArgumentException("A paged specification must say how many rows a page holds.", nameof(specification));
        var total = await repository.CountAsync(specification, cancellationToken);
        var items = await repository.ListAsync(specification, cancellationToken);
        return new PagedResult<TResult>(items, (specification.Skip ?? 0) / size + 1, size, total);
    }

    /// <summary>
    /// A page whose total comes through the cache: counting every match of a broad filter over 100,000 rows costs
    /// more than reading the page, and the total only moves when the records do (<paramref name="countKey"/> must
    /// carry everything the count depends on, change counters included).
    /// </summary>
    public static async Task<PagedResult<TResult>> PageAsync<T, TResult>(
        this IReadRepository<T> repository, ISpecification<T, TResult> specification, Caching.SingleFlightCache counts, string countKey, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(counts);
        var size = specification.Take ?? throw new ArgumentException("A paged specification must say how many rows a page holds.", nameof(specification));
        var total = await counts.GetAsync(countKey, () => repository.CountAsync(specification, cancellationToken), _ => 1, cancellationToken);
        var items = await repository.ListAsync(specification, cancellationToken);
        return new PagedResult<TResult>(items, (specification.Skip ?? 0) / size + 1, size, total);
    }
}
