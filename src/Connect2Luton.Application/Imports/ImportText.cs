using System.Globalization;

namespace Connect2Luton.Application.Imports;

/// <summary>How cells are read: dates, amounts and yes or no as people type them into a spreadsheet, and lists in words.</summary>
public static class ImportText
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    // ISO first (the template's), then the UK forms a spreadsheet saves or people type. Never the US month-first form.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-ddTHH:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss"];

    public const string DateForm = "as 2026-11-23 or 23/11/2026";

    public static bool TryDate(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateTime.TryParseExact(text.Trim(), DateFormats, British, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>A number as written in the UK, with a £ in front or thousands separators if they are there.</summary>
    public static bool TryNumber(string text, out decimal number)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = text.Trim().TrimStart('£').Trim();
        // A comma is read only between thousands ("1,250.50"): anywhere else it is someone's decimal point ("3,5"),
        // which would otherwise be read as a figure ten times or more too big.
        if (plain.Contains(',', StringComparison.Ordinal) && !Common.Validation.TextFormats.IsGroupedInThousands(plain))
        {
            number = 0;
            return false;
        }
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out number);
    }

    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase) { "yes", "y", "true", "1" };
    private static readonly HashSet<string> No = new(StringComparer.OrdinalIgnoreCase) { "no", "n", "false", "0" };

    public static bool TryYesNo(string text, out bool yes)
    {
        ArgumentNullException.ThrowIfNull(text);
        yes = Yes.Contains(text.Trim());
        return yes || No.Contains(text.Trim());
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
