namespace Connect2Luton.Testing;

/// <summary>
/// Rule files written to take the service down rather than to decide anything, as an outside review wrote them:
/// each is refused by the validator (with the problem's words given here), tried through the rules workspace, on
/// disk under a running app and at start. Each passes the checks on what was typed; the harm is in what is run.
/// </summary>
public static class HostileRuleDrafts
{
    /// <summary>Hostile versions of the shipped pay-rate-caps.json, by what they attack, with a phrase from their refusal.</summary>
    public static IReadOnlyDictionary<string, (Func<string, string> Draft, string Refusal)> PayRateCaps { get; } =
        new Dictionary<string, (Func<string, string>, string)>
        {
            // nested1 = ((( ... input.PayRate ... ))), nested2 = ((( ... nested1 ... ))), ...: written out, 9,600 brackets deep.
            ["named values nested in brackets, each short, together too deep to parse"] =
                (json => WithValues(json, Nested(values: 20, brackets: 480)), "nested"),
            // Each value within the depth on its own (30 brackets), 620 deep once written out.
            ["named values nested in brackets, each within the depth, together too deep"] =
                (json => WithValues(json, Nested(values: 20, brackets: 30)), "Written out in full"),
            ["a value of conditions chained a hundred deep"] =
                (json => WithValues(json, $"{{ \"Name\": \"chained\", \"Expression\": \"{string.Concat(Enumerable.Repeat("1>0?1m:", 100))}0m\" }}, "), "nested 100 deep"),
            ["a value of nine hundred minus signs"] =
                (json => WithValues(json, $"{{ \"Name\": \"negated\", \"Expression\": \"{new string('-', 900)}1m\" }}, "), "nested 900 deep"),
            ["a message format that writes a billion digits"] =
                (json => Replace(json, "is below the National Living Wage of", "is below {input.PayRate:F999999999} the National Living Wage of"), "is not a format a message may use"),
            ["values that multiply each other, many times over"] =
                (json => WithValues(json, Multiplying(10)), "the rule set as a whole"),
        };

    /// <summary>
    /// local-candidate-preference.json with points that pass the test cases but come to more than a whole number
    /// holds for a worker living in LU6 (no test case does; some demo workers do).
    /// </summary>
    public static string PointsTooLargeForLu6(string json, string points = "3000000000m", string otherwise = "10m") =>
        Replace(
            WithValues(json, $"{{ \"Name\": \"nearbyPoints\", \"Expression\": \"input.PostcodeDistrict == \\\"LU6\\\" ? {points} : {otherwise}\" }}, "),
            "\"Points\": \"neighbouringResidentPoints\"",
            "\"Points\": \"nearbyPoints\"");

    /// <summary>
    /// pay-rate-caps.json with a rule whose 1,000-character message names a 20,000-character text value 250 times:
    /// within every bound as written, 5 MB written out for each decision that reports it.
    /// </summary>
    public static string MessageThatWritesMegabytes(string json)
    {
        var text = new string('x', 490);
        var values = $"{{ \"Name\": \"s0\", \"Expression\": \"\\\"{text}\\\"\" }}, "
            + $"{{ \"Name\": \"s1\", \"Expression\": \"{string.Join(" + ", Enumerable.Repeat("s0", 40))}\" }}, ";
        var rule = $"{{ \"RuleName\": \"Amplified\", \"Expression\": \"false\", \"ErrorMessage\": \"{string.Concat(Enumerable.Repeat("{s1}", 250))}\", \"Properties\": {{ }} }}, ";
        return Replace(WithValues(json, values), "\"Rules\": [", "\"Rules\": [ " + rule);
    }

    // Each value passes the 1,000-character and 300-part checks on its own.
    private static string Nested(int values, int brackets) => string.Concat(Enumerable.Range(1, values).Select(i =>
        $"{{ \"Name\": \"nested{i}\", \"Expression\": \"{new string('(', brackets)}{(i == 1 ? "input.PayRate" : $"nested{i - 1}")}{new string(')', brackets)}\" }}, "));

    // wide = 12 pay rates multiplied, wider = 10 of those, widest = 4 of those (about 8,000 characters and 2,000 parts
    // written out), then values that are each a multiple of widest: each within its own bounds, together past them.
    private static string Multiplying(int values)
    {
        static string Times(string name, int count) => string.Join(" * ", Enumerable.Repeat(name, count));
        var layers = $"{{ \"Name\": \"wide\", \"Expression\": \"{Times("input.PayRate", 12)}\" }}, "
            + $"{{ \"Name\": \"wider\", \"Expression\": \"{Times("wide", 10)}\" }}, "
            + $"{{ \"Name\": \"widest\", \"Expression\": \"{Times("wider", 4)}\" }}, ";
        return layers + string.Concat(Enumerable.Range(1, values).Select(i => $"{{ \"Name\": \"product{i}\", \"Expression\": \"widest * {i}m\" }}, "));
    }

    private static string WithValues(string json, string values) => Replace(json, "\"GlobalParams\": [", "\"GlobalParams\": [ " + values);

    /// <summary>The first occurrence of <paramref name="from"/> replaced; the shipped file must contain it.</summary>
    public static string Replace(string json, string from, string to)
    {
        var at = json.IndexOf(from, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"The hostile draft expects the shipped file to contain {from}.");
        return string.Concat(json.AsSpan(0, at), to, json.AsSpan(at + from.Length));
    }
}
