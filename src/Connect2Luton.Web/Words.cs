using System.Text.RegularExpressions;

namespace Connect2Luton.Web;

/// <summary>Enum names as people write them: "NeighbourhoodServices" reads "Neighbourhood services".</summary>
public static partial class Words
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var words = Boundary().Replace(value.ToString(), " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>"1 worker", "2 workers".</summary>
    public static string Count(int count, string noun) =>
        count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + " " + (count == 1 ? noun : noun + "s");

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Boundary();
}
