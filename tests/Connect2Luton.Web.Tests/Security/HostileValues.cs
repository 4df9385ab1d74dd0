using System.Globalization;
using Bogus;
using Connect2Luton.Domain.Common;

namespace Connect2Luton.Web.Tests.Security;

/// <summary>What people and attackers type: each generator gives one value, and the dangerous markup it carries if any.</summary>
public sealed class HostileValues(Faker faker)
{
    private int _marker;

    /// <summary>Text that tries scripts, SQL, templates, CSV formulas, odd Unicode and paths; the markup is what must never come back unencoded.</summary>
    public (string Value, string? Markup) Text()
    {
        var m = ++_marker;
        return faker.Random.Int(0, 9) switch
        {
            0 => ($"<script>alert({m})</script>", $"<script>alert({m})</script>"),
            1 => ($"\"><img src=x onerror=alert({m})>", $"<img src=x onerror=alert({m})>"),
            2 => ($"'; DROP TABLE Workers; --{m}", null),
            3 => ($"1' OR '1'='1' -- {m}", null),
            4 => ($"{{{{7*7}}}} @(1+{m}) ${{{m}}}", null),
            5 => ($"=HYPERLINK(\"http://evil.example/{m}\")", null),
            6 => ($"\u202Eevil {m}\uFEFF", null),
            7 => ($"../../../etc/passwd{m}", null),
            // Digits of other scripts, which a regular expression's \d takes for numbers and the records do not.
            8 => (faker.PickRandom("\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF10\uFF11\uFF12", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661", "SW\uFF14\uFF13\uFF11\uFF13\uFF15\uFF13", "07700 \uFF19\uFF10\uFF10\uFF11\uFF12\uFF13"), null),
            _ => ($"Robert'); DELETE FROM Placements; --{m}", null),
        };
    }

    /// <summary>Longer than any text the app keeps (the longest is <see cref="Limits.LongText"/> characters).</summary>
    public string Overlong() => faker.Random.String2(faker.Random.Int(Limits.LongText + 1, 20_000), "abc <>'\";-- 0123456789");

    /// <summary>Characters no one types: a bell, an escape, a NUL (which the app reads as another control character, as the framework's form reader refuses it outright).</summary>
    public string ControlCharacters() => faker.PickRandom("Smith\u0007", "\u001B[31mred", "Ali\u0000", "line\u0008back");

    public string NotANumber() => faker.PickRandom("abc", "12abc", "NaN", "Infinity", "0x1F", "\u0661\u0662", "--5", "5-", "£", "12.3.4", "1e309", "79228162514264337593543950336", "%00");

    public string Negative() => "-" + faker.Random.Int(1, 5_000).ToString(CultureInfo.InvariantCulture);

    public (string Part, string Value) BadDatePart() => faker.Random.Int(0, 6) switch
    {
        0 => ("Day", faker.PickRandom("32", "0", "-1", "abc")),
        1 => ("Month", faker.PickRandom("13", "0", "-3", "June")),
        2 => ("Year", faker.PickRandom("10000", "0", "-2026", "20x6")),
        3 => ("Day", "99999999999"),
        4 => ("Month", "1.5"),
        5 => ("Year", "2026.5"),
        _ => ("Day", " "),
    };

    /// <summary>Expressions a rule must never run: reaching the file system, the process, reflection or the network.</summary>
    public string HostileExpression() => faker.PickRandom(
        "System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"",
        "System.Environment.Exit(1) == null",
        "input.GetType().Assembly.GetType(\"System.IO.File\") != null",
        "System.Diagnostics.Process.Start(\"sh\") != null",
        "new System.Net.Http.HttpClient().GetStringAsync(\"http://evil.example\").Result != \"\"",
        "Activator.CreateInstance(typeof(object)) != null",
        "AppDomain.CurrentDomain.GetAssemblies().Length > 0",
        "input.PayRate > (",
        "\"\".PadLeft(2147483647) != \"\"");

    /// <summary>An option no list offers.</summary>
    public string NotAnOption(IReadOnlyList<string> options)
    {
        string value;
        // Two offered options joined by a comma: an enum's parser reads that as their flags combined, another option.
        var combined = options.Count >= 2 ? $"{options[0]},{options[^1]}" : "999999";
        do value = faker.PickRandom("999999", "-1", "0 OR 1=1", faker.Lorem.Word() + ++_marker, "Worker'--", "%3Cscript%3E", combined);
        while (options.Contains(value));
        return value;
    }

    /// <summary>Route values that are not ids at all: the route's own constraint should turn them away.</summary>
    public string NotAnId() => faker.PickRandom("abc", "1.5", "99999999999999999999", "1 OR 1=1", "%3Cscript%3E", "-", "0x10", "%2e%2e%2f");

    public string UnknownId() => faker.PickRandom("2147483647", "0", "-1", "987654");

    public string UnknownName() => faker.PickRandom("no-such-rules", "..%2F..%2Fappsettings", "pay-rate-caps.json", "CON", new string('x', 300), "pay-rate-caps%2500");

    public string ForgedToken() => Convert.ToBase64String(faker.Random.Bytes(faker.Random.Int(16, 120)));
}
