using System.Linq.Expressions;

namespace Connect2Luton.Application.Common.Specifications;

public interface ISpecificationBuilder<T>
{
    ISpecificationBuilder<T> Where(Expression<Func<T, bool>> criteria);
    IIncludableSpecificationBuilder<T, TProperty> Include<TProperty>(Expression<Func<T, TProperty>> navigation);
    IOrderedSpecificationBuilder<T> OrderBy(Expression<Func<T, object?>> key);
    IOrderedSpecificationBuilder<T> OrderByDescending(Expression<Func<T, object?>> key);
    ISpecificationBuilder<T> Skip(int skip);
    ISpecificationBuilder<T> Take(int take);
    ISpecificationBuilder<T> AsNoTracking();
}

public interface ISpecificationBuilder<T, TResult> : ISpecificationBuilder<T>
{
    ISpecificationBuilder<T, TResult> Select(Expression<Func<T, TResult>> selector);

    ISpecificationBuilder<T, TResult> SelectMany(Expression<Func<T, IEnumerable<TResult>>> selector);

    /// <summary>Each match's rows of a child collection, projected with the match beside them: read as a join.</summary>
    ISpecificationBuilder<T, TResult> SelectMany<TItem>(Expression<Func<T, IEnumerable<TItem>>> collection, Expression<Func<T, TItem, TResult>> result);
}

public interface IOrderedSpecificationBuilder<T> : ISpecificationBuilder<T>
{
    IOrderedSpecificationBuilder<T> ThenBy(Expression<Func<T, object?>> key);
    IOrderedSpecificationBuilder<T> ThenByDescending(Expression<Func<T, object?>> key);
}

// Covariant so that ThenInclude after a collection navigation (IReadOnlyCollection<X>) matches IEnumerable<X>.
public interface IIncludableSpecificationBuilder<T, out TProperty> : ISpecificationBuilder<T>
{
    internal Specification<T> Specification { get; }
}

public static class IncludableSpecificationBuilderExtensions
{
    public static IIncludableSpecificationBuilder<T, TProperty> ThenInclude<T, TPrevious, TProperty>(
        this IIncludableSpecificationBuilder<T, IEnumerable<TPrevious>> builder, Expression<Func<TPrevious, TProperty>> navigation)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Specification.ExtendLastInclude(NavigationPath.Of(navigation));
        return new IncludableSpecificationBuilder<T, TProperty>(builder.Specification);
    }

    public static IIncludableSpecificationBuilder<T, TProperty> ThenInclude<T, TPrevious, TProperty>(
        this IIncludableSpecificationBuilder<T, TPrevious> builder, Expression<Func<TPrevious, TProperty>> navigation)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Specification.ExtendLastInclude(NavigationPath.Of(navigation));
        return new IncludableSpecificationBuilder<T, TProperty>(builder.Specification);
    }
}

internal class SpecificationBuilder<T>(Specification<T> specification) : IOrderedSpecificationBuilder<T>
{
    protected Specification<T> Specification { get; } = specification;

    public ISpecificationBuilder<T> Where(Expression<Func<T, bool>> criteria)
    {
        Specification.AddWhere(criteria);
        return this;
    }

    public IIncludableSpecificationBuilder<T, TProperty> Include<TProperty>(Expression<Func<T, TProperty>> navigation)
    {
        Specification.AddInclude(NavigationPath.Of(navigation));
        return new IncludableSpecificationBuilder<T, TProperty>(Specification);
    }

    public IOrderedSpecificationBuilder<T> OrderBy(Expression<Func<T, object?>> key) => Order(key, OrderDirection.Ascending);

    public IOrderedSpecificationBuilder<T> OrderByDescending(Expression<Func<T, object?>> key) => Order(key, OrderDirection.Descending);

    public IOrderedSpecificationBuilder<T> ThenBy(Expression<Func<T, object?>> key) => Order(key, OrderDirection.Ascending);

    public IOrderedSpecificationBuilder<T> ThenByDescending(Expression<Func<T, object?>> key) => Order(key, OrderDirection.Descending);

    public ISpecificationBuilder<T> Skip(int skip)
    {
        Specification.SetSkip(skip);
        return this;
    }

    public ISpecificationBuilder<T> Take(int take)
    {
        Specification.SetTake(take);
        return this;
    }

    public ISpecificationBuilder<T> AsNoTracking()
    {
        Specification.SetAsNoTracking();
        return this;
    }

    private SpecificationBuilder<T> Order(Expression<Func<T, object?>> key, OrderDirection direction)
    {
        Specification.AddOrder(new OrderExpression<T>(key, direction));
        return this;
    }
}

internal sealed class SpecificationBuilder<T, TResult>(Specification<T, TResult> specification)
    : SpecificationBuilder<T>(specification), ISpecificationBuilder<T, TResult>
{
    public ISpecificationBuilder<T, TResult> Select(Expression<Func<T, TResult>> selector)
    {
        specification.SetSelector(selector);
        return this;
    }

    public ISpecificationBuilder<T, TResult> SelectMany(Expression<Func<T, IEnumerable<TResult>>> selector)
    {
        specification.SetManySelector(selector);
        return this;
    }

    public ISpecificationBuilder<T, TResult> SelectMany<TItem>(Expression<Func<T, IEnumerable<TItem>>> collection, Expression<Func<T, TItem, TResult>> result)
    {
        specification.SetManyWithParent(query => query.SelectMany(collection, result));
        return this;
    }
}

internal sealed class IncludableSpecificationBuilder<T, TProperty>(Specification<T> specification)
    : SpecificationBuilder<T>(specification), IIncludableSpecificationBuilder<T, TProperty>
{
    Specification<T> IIncludableSpecificationBuilder<T, TProperty>.Specification => Specification;
}

/// <summary>Turns a navigation lambda (p => p.Extensions) into the path EF Core's string Include takes.</summary>
internal static class NavigationPath
{
    public static string Of(LambdaExpression navigation)
    {
        var members = new Stack<string>();
        var body = navigation.Body;
        while (body is MemberExpression member)
        {
            members.Push(member.Member.Name);
            body = member.Expression;
        }
        if (body is not ParameterExpression || members.Count == 0)
            throw new ArgumentException($"An include must name navigation properties, e.g. x => x.Items; '{navigation}' does not.", nameof(navigation));
        return string.Join('.', members);
    }
}
