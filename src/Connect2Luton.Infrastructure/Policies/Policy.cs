namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Functions rule expressions may call as Policy.Name(...). Each is total (no exceptions), bounded and free of
/// side effects: they are the only code besides plain operators that an officer's rule can run.
/// </summary>
public static class Policy
{
    /// <summary>
    /// Whether <paramref name="value"/> is one of the comma-separated items of <paramref name="list"/>, ignoring
    /// spaces and case: Policy.InList(input.PostcodeDistrict, "LU1, LU2, LU3, LU4").
    /// </summary>
    public static bool InList(string? value, string? list)
    {
        if (string.IsNullOrWhiteSpace(value) || string.IsNullOrEmpty(list)) return false;
        var wanted = value.AsSpan().Trim();
        foreach (var range in list.AsSpan().Split(','))
        {
            if (list.AsSpan()[range].Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// The day a date written like "2027-04-01" names: Policy.Date("2027-04-01"). Anything else is the first day
    /// there is, so a rule never fails on it; the checks refuse a call whose text is not such a date, so that only
    /// ever happens to text that has passed them.
    /// </summary>
    public static DateOnly Date(string? day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? parsed
            : DateOnly.MinValue;
}
