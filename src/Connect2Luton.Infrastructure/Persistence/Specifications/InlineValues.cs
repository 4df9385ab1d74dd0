using System.Linq.Expressions;
using System.Reflection;
using Connect2Luton.Application.Common.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence.Specifications;

/// <summary>Turns each <see cref="Inline.Values{T}"/> hint in criteria into EF Core's <see cref="EF.Constant{T}"/>.</summary>
internal sealed class InlineValues : ExpressionVisitor
{
    private static readonly InlineValues Instance = new();
    private static readonly MethodInfo Constant = typeof(EF).GetMethod(nameof(EF.Constant))!;

    public static Expression<Func<T, bool>> In<T>(Expression<Func<T, bool>> criteria) => (Expression<Func<T, bool>>)Instance.Visit(criteria);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Method.DeclaringType == typeof(Inline) && node.Method.Name == nameof(Inline.Values)
            ? Expression.Call(Constant.MakeGenericMethod(node.Type), node.Arguments[0])
            : base.VisitMethodCall(node);
    }
}
