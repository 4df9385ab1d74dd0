using System.Globalization;
using System.Text;
using Bogus;
using Connect2Luton.Application.Imports;

namespace Connect2Luton.Testing;

/// <summary>
/// Files to bring in, as a spreadsheet saves them: rows of cells by heading (so a test changes the one cell it is
/// about), written as CSV UTF-8 with the byte order mark Excel writes. The workers are made with Bogus (en_GB), with
/// everything a booking needs recorded: a right to work, an enhanced DBS and a Social Work England registration.
/// </summary>
public static class ImportFiles
{
    public static IReadOnlyList<string> WorkerHeadings { get; } = WorkerColumns.All.Select(c => c.Heading).ToList();

    public static IReadOnlyList<string> PlacementHeadings { get; } = PlacementColumns.All.Select(c => c.Heading).ToList();

    public static List<Dictionary<string, string>> Workers(int count, string agency, DateOnly today, int seed = 20_261_205)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        var rows = new List<Dictionary<string, string>>(count);
        for (var i = 1; i <= count; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            rows.Add(new Dictionary<string, string>
            {
                ["External reference"] = $"W-{i:00000}",
                ["First name"] = first,
                ["Last name"] = last,
                ["Email"] = $"{first}.{last}.{i}@example.com".ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal),
                ["Phone"] = $"07700 {faker.Random.Int(900000, 900999)}",
                ["Postcode"] = faker.PickRandom("LU1 3JH", "LU2 7HA", "LU3 1QS", "LU4 9TR", "LU5 4AB", "MK40 1SA"),
                ["Job family"] = "Social work",
                ["Agency"] = agency,
                ["Qualified on"] = Iso(today.AddYears(-faker.Random.Int(4, 20))),
                ["Right to work checked on"] = Iso(today.AddDays(-faker.Random.Int(30, 900))),
                ["Right to work ends on"] = string.Empty,
                ["DBS issued on"] = Iso(today.AddDays(-faker.Random.Int(30, 700))),
                ["DBS level"] = "Enhanced with barred lists",
                ["DBS certificate number"] = faker.Random.ReplaceNumbers("############"),
                ["DBS update service"] = faker.PickRandom("Yes", "No"),
                ["DBS status checked on"] = string.Empty,
                ["Registered with"] = "Social Work England",
                ["Registration number"] = $"SW{100000 + i}",
                ["Registration expires on"] = Iso(today.AddDays(faker.Random.Int(200, 700))),
                ["Open to a permanent job"] = faker.PickRandom("Yes", "No"),
                ["Previous council"] = string.Empty,
                ["Left council post on"] = string.Empty,
            });
        }
        return rows;
    }

    /// <summary>A live placement of a worker brought in as <paramref name="worker"/>: started two months ago, for another three.</summary>
    public static Dictionary<string, string> Placement(string reference, string worker, string serviceCode, string role, string manager, decimal pay, DateOnly today) => new()
    {
        ["External reference"] = reference,
        ["Worker reference"] = worker,
        ["Worker email"] = string.Empty,
        ["Service area"] = serviceCode,
        ["Job role"] = role,
        ["Hiring manager"] = manager,
        ["Start date"] = Iso(today.AddMonths(-2)),
        ["Planned end date"] = Iso(today.AddMonths(3)),
        ["Weekly hours"] = "37",
        ["Pay rate"] = pay.ToString("0.00", CultureInfo.InvariantCulture),
        ["Agency"] = string.Empty,
        ["Requisition reason"] = "Vacancy cover",
        ["Cap reason"] = string.Empty,
        ["Cap signed off by"] = string.Empty,
        ["Cap signed off on"] = string.Empty,
    };

    public static byte[] WorkersFile(IEnumerable<Dictionary<string, string>> rows) => Csv(WorkerHeadings, rows);

    public static byte[] PlacementsFile(IEnumerable<Dictionary<string, string>> rows) => Csv(PlacementHeadings, rows);

    /// <summary>The rows under the headings, each cell in quotes where CSV needs them.</summary>
    public static byte[] Csv(IReadOnlyList<string> headings, IEnumerable<Dictionary<string, string>> rows, bool byteOrderMark = true)
    {
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append(string.Join(',', headings.Select(Cell))).Append("\r\n");
        foreach (var row in rows) text.Append(string.Join(',', headings.Select(h => Cell(row.GetValueOrDefault(h) ?? string.Empty)))).Append("\r\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return byteOrderMark ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
