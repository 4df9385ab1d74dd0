using System.Linq.Expressions;
using System.Reflection;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Walks a parsed rule expression and refuses anything but reading facts and named values, plain operators, and
/// a short list of harmless functions. Whatever the parser would accept (reflection, object creation, LINQ that
/// loops without bound, calls into any type it can see) stops here, because rules are typed by people, not
/// reviewed by programmers.
/// </summary>
internal sealed class ExpressionAllowList : ExpressionVisitor
{
    public const int MaximumNodes = 300;
    public const int MaximumStringLength = 500;

    private static readonly HashSet<Type> ValueKinds =
    [
        typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(string), typeof(DateOnly), typeof(DayOfWeek),
        typeof(bool?), typeof(int?), typeof(long?), typeof(decimal?), typeof(double?), typeof(DateOnly?),
    ];

    private static readonly Dictionary<Type, HashSet<string>> AllowedMembers = new()
    {
        [typeof(string)] = ["Length"],
        [typeof(DateOnly)] = ["Year", "Month", "Day", "DayNumber", "DayOfWeek"],
        [typeof(int?)] = ["HasValue", "Value"],
        [typeof(decimal?)] = ["HasValue", "Value"],
        [typeof(DateOnly?)] = ["HasValue", "Value"],
    };

    private static readonly Dictionary<Type, HashSet<string>> AllowedMethods = new()
    {
        [typeof(Policy)] = [nameof(Policy.InList), nameof(Policy.Date)],
        [typeof(string)] =
        [
            "Contains", "StartsWith", "EndsWith", "Equals", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant",
            "Trim", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Concat", "Compare", "op_Equality", "op_Inequality",
        ],
        [typeof(Math)] = ["Min", "Max", "Round", "Abs", "Floor", "Ceiling"],
        [typeof(decimal)] =
        [
            "op_Addition", "op_Subtraction", "op_Multiply", "op_Division", "op_Modulus", "op_UnaryNegation", "op_Equality", "op_Inequality",
            "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual", "op_Implicit", "op_Explicit", "Round", "Compare",
        ],
        [typeof(DateOnly)] =
        [
            "AddDays", "AddMonths", "AddYears", "op_Equality", "op_Inequality", "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan",
            "op_GreaterThanOrEqual", "CompareTo",
        ],
    };

    private readonly IReadOnlySet<Type> _factTypes;
    private readonly List<string> _problems = [];
    private int _nodes;

    private ExpressionAllowList(IReadOnlySet<Type> factTypes) => _factTypes = factTypes;

    /// <summary>What is not allowed in the expression, in words for the officer; empty when it may run.</summary>
    public static IReadOnlyList<string> Check(Expression expression, IReadOnlySet<Type> factTypes)
    {
        var walk = new ExpressionAllowList(factTypes);
        walk.Visit(expression);
        return walk._problems;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null || _problems.Count > 0) return node;
        if (++_nodes > MaximumNodes)
        {
            _problems.Add($"The expression is too long to check (more than {MaximumNodes} parts): split it into named values.");
            return node;
        }

        switch (node.NodeType)
        {
            case ExpressionType.Constant:
            case ExpressionType.Parameter:
            case ExpressionType.MemberAccess:
            case ExpressionType.Call:
            case ExpressionType.Conditional:
            case ExpressionType.Not:
            case ExpressionType.Negate:
            case ExpressionType.UnaryPlus:
            case ExpressionType.Convert:
            case ExpressionType.Add:
            case ExpressionType.Subtract:
            case ExpressionType.Multiply:
            case ExpressionType.Divide:
            case ExpressionType.Modulo:
            case ExpressionType.And:
            case ExpressionType.Or:
            case ExpressionType.AndAlso:
            case ExpressionType.OrElse:
            case ExpressionType.Equal:
            case ExpressionType.NotEqual:
            case ExpressionType.LessThan:
            case ExpressionType.LessThanOrEqual:
            case ExpressionType.GreaterThan:
            case ExpressionType.GreaterThanOrEqual:
            case ExpressionType.Coalesce:
                return base.Visit(node);
            case ExpressionType.New:
            case ExpressionType.NewArrayInit:
            case ExpressionType.NewArrayBounds:
            case ExpressionType.MemberInit:
            case ExpressionType.ListInit:
                _problems.Add("Rules may not create objects or lists: compare facts and named values instead.");
                return node;
            case ExpressionType.Lambda:
                _problems.Add("Rules may not contain inner functions (x => ...): there is nothing in the facts to loop over.");
                return node;
            case ExpressionType.ConvertChecked when node is UnaryExpression change:
                _problems.Add($"A rule may not turn {TypeWords.Of(change.Operand.Type)} into {TypeWords.Of(change.Type)}.");
                return node;
            default:
                // Said as the kind of step it is ("array index", "power"), never the expression tree's name for it.
                _problems.Add($"The expression does something a rule may not do ({Application.RuleSets.Values.CodeWords.Of(node.NodeType.ToString()).ToLowerInvariant()}).");
                return node;
        }
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is string text && text.Length > MaximumStringLength)
            _problems.Add($"A text value is {text.Length:N0} characters long; the most a rule may hold is {MaximumStringLength}.");
        else if (node.Value is not null && !ValueKinds.Contains(node.Type))
            _problems.Add($"{char.ToUpperInvariant(TypeWords.Of(node.Type)[0])}{TypeWords.Of(node.Type)[1..]} cannot appear in a rule: rules hold whole numbers, amounts, text, yes/no and dates.");
        return node;
    }

    // A member is checked after what it is read from, so the first refusal is the earliest thing written:
    // "GetType" in input.GetType().Assembly, not "Assembly".
    protected override Expression VisitMember(MemberExpression node)
    {
        Visit(node.Expression);
        if (_problems.Count > 0) return node;
        var owner = node.Member.DeclaringType;
        var allowed = node.Member is PropertyInfo or FieldInfo
            && owner is not null
            && (_factTypes.Contains(owner) || (AllowedMembers.TryGetValue(owner, out var members) && members.Contains(node.Member.Name)));
        if (!allowed)
        {
            _problems.Add(IsReflection(owner)
                ? $"'{node.Member.Name}' reaches into the program itself, which no rule may do."
                : $"{Named(owner, node.Member.Name)} is not something a rule may read: use the facts listed for this rule set.");
        }
        return node;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        // The receiver first (input.GetType().X names GetType), then the function itself, then what is passed to it.
        var receiver = node.Object ?? (node.Method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute)) ? node.Arguments[0] : null);
        Visit(receiver);
        if (_problems.Count > 0) return node;
        var method = node.Method;
        if (method.Name == nameof(GetType) || IsReflection(method.DeclaringType) || IsReflection(method.ReturnType))
        {
            _problems.Add($"'{method.Name}' reaches into the program itself, which no rule may do.");
            return node;
        }
        if (method.DeclaringType is not { } owner || !AllowedMethods.TryGetValue(owner, out var names) || !names.Contains(method.Name))
        {
            _problems.Add($"{Named(method.DeclaringType, method.Name)} is not a function rules may use. They may use Policy.InList, Policy.Date, Math.Min/Max/Round/Abs/Floor/Ceiling, text Contains/StartsWith/EndsWith/ToUpper/ToLower/Trim and dates' AddDays/AddMonths/AddYears.");
            return node;
        }
        // A date is written out in its call, so a slip in it is refused here rather than read as no date at all.
        if (owner == typeof(Policy) && method.Name == nameof(Policy.Date)
            && (node.Arguments[0] is not ConstantExpression { Value: string day } || Policy.Date(day) == DateOnly.MinValue))
        {
            _problems.Add("Policy.Date takes a date written in quotes as year, month and day, like Policy.Date(\"2027-04-01\").");
            return node;
        }
        if (OutOfRange(method, node.Arguments) is { } outOfRange)
        {
            _problems.Add(outOfRange);
            return node;
        }
        foreach (var argument in node.Arguments.Where(a => a != receiver)) Visit(argument);
        return node;
    }

    // A number written into a call that no day or rounding can take fails for every set of facts at run time; refused
    // here instead, with what can be written. (One worked out from the facts is left to the run, where it fails its rule.)
    private static string? OutOfRange(MethodInfo method, System.Collections.ObjectModel.ReadOnlyCollection<Expression> arguments)
    {
        var (most, unit) = method.Name switch
        {
            "AddYears" => (1_000m, "years"),
            "AddMonths" => (12_000m, "months"),
            "AddDays" => (365_000m, "days"),
            _ => (0m, string.Empty),
        };
        if (most > 0 && arguments.Count == 1 && WrittenNumber(arguments[0]) is { } added && Math.Abs(added) > most)
            return $"{method.Name}({added:G}) goes past the dates rules can work with: add or take away at most {most:N0} {unit}.";
        if ((method.DeclaringType == typeof(Math) || method.DeclaringType == typeof(decimal)) && method.Name == nameof(Math.Round)
            && arguments.Count >= 2 && arguments[1].Type == typeof(int) && WrittenNumber(arguments[1]) is { } places)
        {
            // A decimal keeps 28 places, a double 15.
            var kept = arguments[0].Type == typeof(double) ? 15 : 28;
            if (places < 0 || places > kept) return $"Rounding cannot be to {places:G} decimal places: write from 0 to {kept}.";
        }
        return null;
    }

    private static decimal? WrittenNumber(Expression expression) => expression switch
    {
        ConstantExpression { Value: int whole } => whole,
        ConstantExpression { Value: long whole } => whole,
        ConstantExpression { Value: decimal amount } => amount,
        ConstantExpression { Value: double amount } when double.IsFinite(amount) && Math.Abs(amount) < 1e15 => (decimal)amount,
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.UnaryPlus } convert => WrittenNumber(convert.Operand),
        UnaryExpression { NodeType: ExpressionType.Negate or ExpressionType.NegateChecked } negate => -WrittenNumber(negate.Operand),
        // Numbers worked out from numbers written in (0 - 400000, 1000 * 2) are as written.
        BinaryExpression { NodeType: ExpressionType.Add or ExpressionType.AddChecked } sum => Both(sum, (a, b) => a + b),
        BinaryExpression { NodeType: ExpressionType.Subtract or ExpressionType.SubtractChecked } difference => Both(difference, (a, b) => a - b),
        BinaryExpression { NodeType: ExpressionType.Multiply or ExpressionType.MultiplyChecked } product => Both(product, (a, b) => a * b),
        _ => null,
    };

    private static decimal? Both(BinaryExpression node, Func<decimal, decimal, decimal> combine)
    {
        if (WrittenNumber(node.Left) is not { } left || WrittenNumber(node.Right) is not { } right) return null;
        try
        {
            return combine(left, right);
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;
        }
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        Visit(node.Operand);
        if (_problems.Count > 0) return node;
        if (node.NodeType == ExpressionType.Convert && !(ValueKinds.Contains(node.Type) && ValueKinds.Contains(node.Operand.Type)))
        {
            _problems.Add($"A rule may not turn {TypeWords.Of(node.Operand.Type)} into {TypeWords.Of(node.Type)}.");
            return node;
        }
        if (node.Method is { } method && !(AllowedMethods.TryGetValue(method.DeclaringType!, out var names) && names.Contains(method.Name)))
        {
            _problems.Add($"{Named(method.DeclaringType, method.Name)} is not something a rule may do.");
        }
        return node;
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        Visit(node.Left);
        Visit(node.Right);
        Visit(node.Conversion);
        if (_problems.Count > 0) return node;
        if (node.Method is { } method && !(AllowedMethods.TryGetValue(method.DeclaringType!, out var names) && names.Contains(method.Name)))
        {
            _problems.Add($"{Named(method.DeclaringType, method.Name)} is not something a rule may do.");
        }
        return node;
    }

    // A member as written ("Convert.ToInt32"), or on a kind of value in words ("'Length' on text"): a property read is
    // named as written (Length, not get_Length) and a letter picked out of text as the brackets that do it.
    private static string Named(Type? owner, string member)
    {
        if (member == "get_Chars") return "Picking one letter out of text ([ ])";
        var written = member.StartsWith("get_", StringComparison.Ordinal) ? member[4..] : member;
        if (owner is not null && TypeWords.Of(owner) is var kind && !kind.StartsWith("a value of", StringComparison.Ordinal)) return $"'{written}' on {kind}";
        // What every value has (ToString, Equals) is written on a value, not on a type: no type to name.
        return owner is null || owner == typeof(object) || owner == typeof(ValueType) || owner.IsInterface ? $"'{written}'" : $"'{owner.Name}.{written}'";
    }

    private static bool IsReflection(Type? type) =>
        type is not null && (typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
            || type.Namespace?.StartsWith("System.Reflection", StringComparison.Ordinal) == true || type == typeof(Type));
}
