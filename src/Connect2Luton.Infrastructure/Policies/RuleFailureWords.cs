namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Why an officer's rule could not be worked out for some facts, in words for the people who read decisions: the
/// exception's own text names .NET's parameters and types ("(Parameter 'value')"), which mean nothing on a page.
/// </summary>
internal static class RuleFailureWords
{
    public static string Of(Exception error) => error switch
    {
        DivideByZeroException => "it divides by zero",
        OverflowException => "a number in it grows larger than the app can hold",
        ArgumentOutOfRangeException or ArgumentException => "a day or number it works out goes out of range (a date before year 1 or after 9999, or rounding to more than 28 places)",
        NullReferenceException or InvalidOperationException => "a value it uses is missing for these facts",
        FormatException => "a value it reads is not written as it expects",
        _ => "it fails for these facts",
    };
}
