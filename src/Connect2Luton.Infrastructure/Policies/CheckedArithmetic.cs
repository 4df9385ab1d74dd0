using System.Linq.Expressions;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Rewrites whole-number arithmetic in a parsed expression to its checked form. Unchecked, a product that passes
/// int.MaxValue wraps round to a small or negative number and a rule passes or awards points on a figure nobody
/// wrote; checked, it throws, and the rule fails with the reason like any rule that cannot be worked out.
/// Decimal arithmetic already throws on overflow.
/// </summary>
internal sealed class CheckedArithmetic : ExpressionVisitor
{
    private static readonly CheckedArithmetic Instance = new();

    public static Expression Apply(Expression expression) => Instance.Visit(expression);

    protected override Expression VisitBinary(BinaryExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var left = Visit(node.Left);
        var right = Visit(node.Right);
        if (node.Method is null && IsWhole(node.Type))
        {
            switch (node.NodeType)
            {
                case ExpressionType.Add: return Expression.AddChecked(left, right);
                case ExpressionType.Subtract: return Expression.SubtractChecked(left, right);
                case ExpressionType.Multiply: return Expression.MultiplyChecked(left, right);
            }
        }
        return node.Update(left, VisitAndConvert(node.Conversion, nameof(VisitBinary)), right);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var operand = Visit(node.Operand);
        if (node.Method is null)
        {
            if (node.NodeType == ExpressionType.Negate && IsWhole(node.Type)) return Expression.NegateChecked(operand);
            // A wider number narrowed to a whole one (a long or decimal to an int) throws rather than wraps.
            if (node.NodeType == ExpressionType.Convert && IsWhole(node.Type)) return Expression.ConvertChecked(operand, node.Type);
        }
        return node.Update(operand);
    }

    private static bool IsWhole(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short) || underlying == typeof(uint)
            || underlying == typeof(ulong) || underlying == typeof(ushort) || underlying == typeof(byte) || underlying == typeof(sbyte);
    }
}
