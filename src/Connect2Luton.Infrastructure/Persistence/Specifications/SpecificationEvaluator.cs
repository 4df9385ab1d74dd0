using Connect2Luton.Application.Common.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence.Specifications;

/// <summary>Turns a specification into an EF Core query: criteria, includes, ordering, paging, tracking, projection.</summary>
internal static class SpecificationEvaluator
{
    public static IQueryable<T> Apply<T>(IQueryable<T> source, ISpecification<T> specification) where T : class
    {
        var query = ApplyCriteria(source, specification);
        query = specification.IncludePaths.Aggregate(query, (current, path) => current.Include(path));
        query = ApplyOrder(query, specification.OrderExpressions);
        if (specification.Skip is { } skip) query = query.Skip(skip);
        if (specification.Take is { } take) query = query.Take(take);
        return query;
    }

    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> source, ISpecification<T, TResult> specification) where T : class
    {
        var query = Apply(source, (ISpecification<T>)specification);
        if (specification.ManySelector is { } many) return query.SelectMany(many);
        if (specification.ManyWithParent is { } withParent) return withParent(query);
        var selector = specification.Selector
            ?? throw new InvalidOperationException($"{specification.GetType().Name} is a projection without a Select.");
        return query.Select(selector);
    }

    /// <summary>The criteria alone: what a count or a grouped figure needs, with no ordering or paging.</summary>
    public static IQueryable<T> ApplyCriteria<T>(IQueryable<T> source, ISpecification<T> specification) where T : class
    {
        var query = specification.WhereExpressions.Aggregate(source, (current, criteria) => current.Where(InlineValues.In(criteria)));
        return specification.AsNoTracking ? query.AsNoTracking() : query;
    }

    private static IQueryable<T> ApplyOrder<T>(IQueryable<T> query, IReadOnlyList<OrderExpression<T>> order)
    {
        if (order.Count == 0) return query;
        var ordered = order[0].Direction == OrderDirection.Ascending
            ? query.OrderBy(order[0].KeySelector)
            : query.OrderByDescending(order[0].KeySelector);
        foreach (var next in order.Skip(1))
        {
            ordered = next.Direction == OrderDirection.Ascending
                ? ordered.ThenBy(next.KeySelector)
                : ordered.ThenByDescending(next.KeySelector);
        }
        return ordered;
    }
}
