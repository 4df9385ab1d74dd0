using System.Globalization;
using System.Reflection;
using Connect2Luton.Testing;

namespace Connect2Luton.Infrastructure.Tests.SqlServer;

/// <summary>A value to pass, and how it reads in a failure.</summary>
internal sealed record Variant(object? Value, string Label);

/// <summary>
/// The values a constructor's parameters are tried with: for each parameter, the edges its queries branch on (null or
/// not, none, a few or thousands of ids, each enum value, the ends of the calendar), one parameter at a time with the
/// others at their first value. A type it has no values for is named, so a new kind of parameter is not skipped.
/// </summary>
internal static class ArgumentVariants
{
    // Past 2,100 the SQL Server provider sends a list as one JSON parameter (OPENJSON) rather than one parameter a value.
    public static readonly int[] ThousandsOfIds = [.. Enumerable.Range(1, 3_000)];

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The public constructors of <paramref name="type"/>, and its public static methods that make one (PlacementPageIdsSpec.Page).</summary>
    public static IEnumerable<MethodBase> WaysToMake(Type type) =>
        type.GetConstructors().Cast<MethodBase>()
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == type && !m.IsSpecialName));

    public static object Make(MethodBase way, IEnumerable<Variant> call) =>
        way is ConstructorInfo constructor ? constructor.Invoke([.. Values(call)]) : way.Invoke(null, [.. Values(call)])!;

    /// <summary>Each way of calling <paramref name="way"/>; throws naming the parameters it cannot fill.</summary>
    public static IReadOnlyList<Variant[]> Of(MethodBase way, int depth = 0)
    {
        var parameters = way.GetParameters();
        var each = parameters.Select(p => For(p.ParameterType, IsNullable(p), depth, $"{way.DeclaringType!.Name}.{way.Name}({p.Name})")).ToList();
        var calls = new List<Variant[]> { each.Select(v => v[0]).ToArray() };
        for (var i = 0; i < each.Count; i++)
        {
            foreach (var other in each[i].Skip(1))
            {
                var call = each.Select(v => v[0]).ToArray();
                call[i] = other;
                calls.Add(call);
            }
        }
        if (each.Count > 1) calls.Add([.. each.Select(v => v[^1])]);
        return calls;
    }

    public static string Describe(IEnumerable<Variant> call) => string.Join(", ", call.Select(v => v.Label));

    private static bool IsNullable(ParameterInfo parameter) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && Nullability.Create(parameter).WriteState == NullabilityState.Nullable);

    private static List<Variant> For(Type type, bool nullable, int depth, string where)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var values = NonNull(underlying, depth, where);
        return nullable ? [new Variant(null, "null"), .. values] : values;
    }

    private static List<Variant> NonNull(Type type, int depth, string where)
    {
        if (type == typeof(int)) return [V(1), V(0), V(500)];
        if (type == typeof(long)) return [V(1L), V(0L)];
        if (type == typeof(decimal)) return [V(12.5m), V(0m)];
        if (type == typeof(double)) return [V(12.5d)];
        if (type == typeof(bool)) return [V(false), V(true)];
        if (type == typeof(string)) return [V("Smith"), V(""), V("O'Brien %_[")];
        if (type == typeof(Guid)) return [V(Guid.Empty)];
        if (type == typeof(CancellationToken)) return [new Variant(CancellationToken.None, "none")];
        if (type == typeof(DateOnly)) return [V(Clocks.Today), V(DateOnly.MinValue), V(DateOnly.MaxValue)];
        if (type == typeof(DateTimeOffset)) return [V(Clocks.Now), V(DateTimeOffset.MinValue), V(DateTimeOffset.MaxValue)];
        if (type == typeof(DateTime)) return [V(Clocks.Now.UtcDateTime), V(DateTime.MinValue)];
        if (type == typeof(TimeSpan)) return [V(TimeSpan.FromDays(7)), V(TimeSpan.Zero)];
        // Value objects made only by parsing.
        if (type == typeof(Domain.Workers.UkPostcode)) return [V(Domain.Workers.UkPostcode.Parse("LU1 2AB"))];
        if (type.IsEnum) return [.. Enum.GetValues(type).Cast<object>().Select(e => new Variant(e, $"{type.Name}.{e}"))];
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var map
            && (map == typeof(IReadOnlyDictionary<,>) || map == typeof(IDictionary<,>) || map == typeof(Dictionary<,>)))
        {
            var (key, value) = (NonNull(type.GetGenericArguments()[0], depth + 1, where)[0], NonNull(type.GetGenericArguments()[1], depth + 1, where)[0]);
            var dictionary = typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments());
            var one = (System.Collections.IDictionary)Activator.CreateInstance(dictionary)!;
            one.Add(key.Value!, value.Value);
            return [new Variant(Activator.CreateInstance(dictionary), "{}"), new Variant(one, $"{{{key.Label}: {value.Label}}}")];
        }
        if (ElementOf(type) is { } element) return Collections(type, element, depth, where);
        if (depth < 3 && !type.IsAbstract && !type.IsInterface
            && WaysToMake(type).OrderByDescending(c => c is ConstructorInfo).ThenByDescending(c => c.GetParameters().Length).FirstOrDefault() is { } constructor)
        {
            var made = new List<Variant>();
            foreach (var call in Of(constructor, depth + 1))
            {
                try
                {
                    made.Add(new Variant(Make(constructor, call), $"{type.Name}({Describe(call)})"));
                }
                catch (Exception error) when (IsRefusal(error))
                {
                    // Values the type itself refuses are not a call anyone can make.
                }
            }
            return made.Count > 0 ? made : throw new NotSupportedException($"{where}: every value tried for {type.Name} was refused.");
        }
        throw new NotSupportedException($"{where}: no values for a parameter of type {type}; add them to {nameof(ArgumentVariants)}.");
    }

    private static List<Variant> Collections(Type type, Type element, int depth, string where)
    {
        List<Variant> result = [new(Collection(type, element, []), "[]")];
        if (element == typeof(int))
        {
            result.Add(new Variant(Collection(type, element, [1, 2, 3]), "[1, 2, 3]"));
            result.Add(new Variant(Collection(type, element, [.. ThousandsOfIds.Cast<object>()]), "[3,000 ids]"));
            return result;
        }
        var items = NonNull(element, depth + 1, where);
        result.Add(new Variant(Collection(type, element, [.. items.Select(i => i.Value)]), $"[{string.Join(", ", items.Select(i => i.Label))}]"));
        return result;
    }

    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(ICollection<>) || definition == typeof(IList<>) || definition == typeof(List<>)
            || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>) || definition == typeof(HashSet<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static object Collection(Type type, Type element, object?[] items)
    {
        var array = Array.CreateInstance(element, items.Length);
        for (var i = 0; i < items.Length; i++) array.SetValue(items[i], i);
        if (type.IsArray) return array;
        var definition = type.GetGenericTypeDefinition();
        var concrete = definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>) || definition == typeof(HashSet<>)
            ? typeof(HashSet<>).MakeGenericType(element)
            : typeof(List<>).MakeGenericType(element);
        return Activator.CreateInstance(concrete, array)!;
    }

    private static Variant V(object value) => new(value, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?");

    /// <summary>Whether the constructor refused the values (a take of 0, a worker with no name): a call the app cannot make.</summary>
    public static bool IsRefusal(Exception error) => error is TargetInvocationException { InnerException: ArgumentException or Domain.Common.DomainRuleException };

    public static IEnumerable<object?> Values(IEnumerable<Variant> call) => call.Select(c => c.Value);
}
