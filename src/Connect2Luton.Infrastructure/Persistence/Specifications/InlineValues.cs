using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Connect2Luton.Application.Common.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence.Specifications;

/// <summary>
/// Turns each <see cref="Inline.Values{T}"/> hint in criteria into EF Core's <see cref="EF.Constant{T}"/> over the
/// values themselves, as a sorted array: EF keys its compiled queries by the constants in them, and compares an array by
/// its contents but a list or set by reference, so a list made afresh for every report would compile the query afresh
/// every time (and crowd other queries out of the cache).
/// </summary>
internal sealed class InlineValues : ExpressionVisitor
{
    private static readonly InlineValues Instance = new();
    private static readonly MethodInfo Constant = typeof(EF).GetMethod(nameof(EF.Constant))!;

    public static Expression<Func<T, bool>> In<T>(Expression<Func<T, bool>> criteria) => (Expression<Func<T, bool>>)Instance.Visit(criteria);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Method.DeclaringType != typeof(Inline) || node.Method.Name != nameof(Inline.Values)) return base.VisitMethodCall(node);
        var values = Sorted(ValueOf(node.Arguments[0]), node.Method.GetGenericArguments()[0]);
        return Expression.Call(Constant.MakeGenericMethod(node.Type), Expression.Constant(values, node.Type));
    }

    // The hint's argument is a captured variable (a field of the closure), read directly; anything else is evaluated.
    private static object? ValueOf(Expression expression) => expression switch
    {
        MemberExpression { Member: FieldInfo field, Expression: ConstantExpression closure } => field.GetValue(closure.Value),
        MemberExpression { Member: PropertyInfo property, Expression: ConstantExpression owner } => property.GetValue(owner.Value),
        _ => Expression.Lambda(expression).Compile().DynamicInvoke(),
    };

    private static Array Sorted(object? values, Type element)
    {
        var distinct = ((IEnumerable?)values ?? Array.Empty<object>()).Cast<object>().Distinct().Order().ToArray();
        var array = Array.CreateInstance(element, distinct.Length);
        for (var i = 0; i < distinct.Length; i++) array.SetValue(distinct[i], i);
        return array;
    }
}
