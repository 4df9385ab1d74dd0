using Connect2Luton.Application.Common.Specifications;

namespace Connect2Luton.Application.Common.Persistence;

public static class ReadRepositoryExtensions
{
    /// <summary>
    /// A page of a projection and the total its criteria match; a page past the end (an old link, a number typed) is
    /// the last page, as every list shows it.
    /// </summary>
    /// <param name="specification">The criteria, reading the page given.</param>
    public static Task<PagedResult<TResult>> PageAsync<T, TResult>(
        this IReadRepository<T> repository, PageRequest page, Func<PageRequest, ISpecification<T, TResult>> specification, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(repository);
        return PageAsync(repository, page, specification, spec => repository.ListAsync(spec, cancellationToken), cancellationToken);
    }

    /// <summary>A page of whole records and the total; a page past the end is the last page.</summary>
    public static Task<PagedResult<T>> PageAsync<T>(
        this IReadRepository<T> repository, PageRequest page, Func<PageRequest, ISpecification<T>> specification, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(repository);
        return PageAsync(repository, page, specification, spec => repository.ListAsync(spec, cancellationToken), cancellationToken);
    }

    // The page asked for is read as asked unless it is past the end: then the last page is read instead.
    private static async Task<PagedResult<TItem>> PageAsync<T, TSpecification, TItem>(
        IReadRepository<T> repository, PageRequest page, Func<PageRequest, TSpecification> specification, Func<TSpecification, Task<List<TItem>>> list, CancellationToken cancellationToken)
        where T : class
        where TSpecification : ISpecification<T>
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(specification);
        var asked = specification(page);
        var total = await repository.CountAsync(asked, cancellationToken);
        var within = page.Within(total);
        var items = await list(within == page ? asked : specification(within));
        return new PagedResult<TItem>(items, within.Page, within.Size, total);
    }
}
