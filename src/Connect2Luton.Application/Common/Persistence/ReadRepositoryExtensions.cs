using Connect2Luton.Application.Common.Specifications;

namespace Connect2Luton.Application.Common.Persistence;

public static class ReadRepositoryExtensions
{
    /// <summary>
    /// A page of a projection and the total its criteria match; a page past the end (an old link, a number typed) is
    /// the last page, as every list shows it.
    /// </summary>
    /// <param name="specification">The criteria, reading the page given.</param>
    public static async Task<PagedResult<TResult>> PageAsync<T, TResult>(
        this IReadRepository<T> repository, PageRequest page, Func<PageRequest, ISpecification<T, TResult>> specification, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(specification);
        var asked = specification(page);
        var total = await repository.CountAsync(asked, cancellationToken);
        var within = page.Within(total);
        var items = await repository.ListAsync(within == page ? asked : specification(within), cancellationToken);
        return new PagedResult<TResult>(items, within.Page, within.Size, total);
    }

    /// <summary>A page of whole records and the total; a page past the end is the last page.</summary>
    public static async Task<PagedResult<T>> PageAsync<T>(
        this IReadRepository<T> repository, PageRequest page, Func<PageRequest, ISpecification<T>> specification, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(specification);
        var asked = specification(page);
        var total = await repository.CountAsync(asked, cancellationToken);
        var within = page.Within(total);
        var items = await repository.ListAsync(within == page ? asked : specification(within), cancellationToken);
        return new PagedResult<T>(items, within.Page, within.Size, total);
    }
}
