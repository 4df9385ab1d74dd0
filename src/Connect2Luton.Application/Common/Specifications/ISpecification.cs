using System.Linq.Expressions;

namespace Connect2Luton.Application.Common.Specifications;

/// <summary>
/// One question asked of the data, as criteria, related data to load, ordering and paging. The shape follows
/// Ardalis.Specification, which the package registry here does not serve, so moving to it later is mechanical.
/// </summary>
public interface ISpecification<T>
{
    IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions { get; }
    IReadOnlyList<string> IncludePaths { get; }
    IReadOnlyList<OrderExpression<T>> OrderExpressions { get; }
    int? Skip { get; }
    int? Take { get; }
    bool AsNoTracking { get; }
}

/// <summary>A specification whose answer is a projection, read without tracking.</summary>
public interface ISpecification<T, TResult> : ISpecification<T>
{
    Expression<Func<T, TResult>>? Selector { get; }

    /// <summary>Instead of <see cref="Selector"/>: each match's rows of a child collection (an aggregate's entries), flattened.</summary>
    Expression<Func<T, IEnumerable<TResult>>>? ManySelector { get; }

    /// <summary>
    /// Instead of either: each match's child rows with the match's own columns beside them, read as a join (a child
    /// row's projection that reaches back to its parent would otherwise need an APPLY, which SQLite does not have).
    /// </summary>
    Func<IQueryable<T>, IQueryable<TResult>>? ManyWithParent { get; }
}

public enum OrderDirection
{
    Ascending,
    Descending,
}

/// <summary>One key of an ordering; the first is OrderBy, the rest ThenBy, in the order given.</summary>
public sealed record OrderExpression<T>(Expression<Func<T, object?>> KeySelector, OrderDirection Direction);
