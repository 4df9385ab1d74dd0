using System.Runtime.CompilerServices;

namespace Connect2Luton.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, int maxLength, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainRuleException($"{name} is required.");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) throw new DomainRuleException($"{name} must be {maxLength} characters or fewer.");
        return trimmed;
    }

    public static string? Optional(string? value, int maxLength, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) throw new DomainRuleException($"{name} must be {maxLength} characters or fewer.");
        return trimmed;
    }

    public static decimal NotNegative(decimal value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < 0) throw new DomainRuleException($"{name} cannot be negative.");
        return value;
    }

    public static decimal Positive(decimal value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value <= 0) throw new DomainRuleException($"{name} must be more than zero.");
        return value;
    }

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value <= 0) throw new DomainRuleException($"{name} must be more than zero.");
        return value;
    }

    public static int NotNegativeCount(int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < 0) throw new DomainRuleException($"{name} cannot be negative.");
        return value;
    }

    public static int Reference(int id, [CallerArgumentExpression(nameof(id))] string name = "")
    {
        if (id <= 0) throw new DomainRuleException($"{name} must refer to an existing record.");
        return id;
    }

    public static void EndNotBeforeStart(DateOnly start, DateOnly end, string what)
    {
        if (end < start) throw new DomainRuleException($"{what} cannot end before it starts.");
    }
}
