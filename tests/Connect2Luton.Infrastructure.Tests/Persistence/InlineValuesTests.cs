using System.Linq.Expressions;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Infrastructure.Persistence.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Tests.Persistence;

public sealed class InlineValuesTests
{
    [Fact]
    public void Values_marked_inline_are_written_into_the_query_as_a_sorted_array_so_equal_lists_make_one_compiled_query()
    {
        // EF keys compiled queries by their constants and compares an array by its contents, a list or set by reference.
        var first = Inlined(new HashSet<int> { 5, 1, 3 });
        var second = Inlined(new List<int> { 1, 3, 5, 3 });

        first.ShouldBe([1, 3, 5]);
        second.ShouldBe(first);
    }

    private static int[] Inlined(IReadOnlyCollection<int> roles)
    {
        Expression<Func<Domain.Placements.Placement, bool>> criteria = p => Inline.Values(roles).Contains(p.JobRoleId);
        var call = Find<MethodCallExpression>(InlineValues.In(criteria), m => m.Method.DeclaringType == typeof(EF));
        call.Method.Name.ShouldBe(nameof(EF.Constant));
        return ((ConstantExpression)call.Arguments[0]).Value.ShouldBeOfType<int[]>();
    }

    private static T Find<T>(Expression expression, Func<T, bool> match) where T : Expression
    {
        var finder = new Finder<T>(match);
        finder.Visit(expression);
        return finder.Found.ShouldNotBeNull();
    }

    private sealed class Finder<T>(Func<T, bool> match) : ExpressionVisitor where T : Expression
    {
        public T? Found { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is T candidate && match(candidate)) Found ??= candidate;
            return base.Visit(node);
        }
    }
}
