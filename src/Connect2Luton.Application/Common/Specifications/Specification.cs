using System.Linq.Expressions;

namespace Connect2Luton.Application.Common.Specifications;

/// <summary>Base for a specification: the constructor states the question through <see cref="Query"/>.</summary>
public abstract class Specification<T> : ISpecification<T>
{
    private readonly List<Expression<Func<T, bool>>> _where = [];
    private readonly List<string> _includes = [];
    private readonly List<OrderExpression<T>> _order = [];

    protected Specification() => Query = new SpecificationBuilder<T>(this);

    protected ISpecificationBuilder<T> Query { get; }

    public IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions => _where;
    public IReadOnlyList<string> IncludePaths => _includes;
    public IReadOnlyList<OrderExpression<T>> OrderExpressions => _order;
    public int? Skip { get; private set; }
    public int? Take { get; private set; }
    public bool AsNoTracking { get; private set; }

    internal void AddWhere(Expression<Func<T, bool>> criteria) => _where.Add(criteria);

    internal void AddInclude(string path) => _includes.Add(path);

    internal void ExtendLastInclude(string member) => _includes[^1] = $"{_includes[^1]}.{member}";

    internal void AddOrder(OrderExpression<T> order) => _order.Add(order);

    internal void SetSkip(int skip) => Skip = skip >= 0 ? skip : throw new ArgumentOutOfRangeException(nameof(skip), "Skip cannot be negative.");

    internal void SetTake(int take) => Take = take > 0 ? take : throw new ArgumentOutOfRangeException(nameof(take), "Take must be more than zero.");

    internal void SetAsNoTracking() => AsNoTracking = true;
}

/// <summary>Base for a specification answered by a projection; projections are never tracked.</summary>
public abstract class Specification<T, TResult> : Specification<T>, ISpecification<T, TResult>
{
    protected Specification()
    {
        Query = new SpecificationBuilder<T, TResult>(this);
        Query.AsNoTracking();
    }

    protected new ISpecificationBuilder<T, TResult> Query { get; }

    public Expression<Func<T, TResult>>? Selector { get; private set; }

    public Expression<Func<T, IEnumerable<TResult>>>? ManySelector { get; private set; }

    internal void SetSelector(Expression<Func<T, TResult>> selector) => Selector = selector;

    public Func<IQueryable<T>, IQueryable<TResult>>? ManyWithParent { get; private set; }

    internal void SetManySelector(Expression<Func<T, IEnumerable<TResult>>> selector) => ManySelector = selector;

    internal void SetManyWithParent(Func<IQueryable<T>, IQueryable<TResult>> project) => ManyWithParent = project;
}
