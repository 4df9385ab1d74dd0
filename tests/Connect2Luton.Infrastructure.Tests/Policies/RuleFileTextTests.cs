using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>A value set from its field changes that value's text and not one other byte of the file.</summary>
public sealed class RuleFileTextTests
{
    [Fact]
    public void A_named_value_is_set_in_place_and_the_rest_of_the_file_is_untouched()
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "local-candidate-preference.json"));

        var (changed, problems) = RuleFileText.SetNamedValues(json, new Dictionary<string, string>
        {
            ["lutonDistricts"] = "\"LU1, LU2, LU3, LU4, LU5\"",
            ["localSupplierPoints"] = " 25 ",
        });

        problems.ShouldBeEmpty();
        var expected = json
            .Replace("{\"Name\": \"lutonDistricts\", \"Expression\": \"\\\"LU1, LU2, LU3, LU4\\\"\"", "{\"Name\": \"lutonDistricts\", \"Expression\": \"\\\"LU1, LU2, LU3, LU4, LU5\\\"\"", StringComparison.Ordinal)
            .Replace("{\"Name\": \"localSupplierPoints\", \"Expression\": \"10\"", "{\"Name\": \"localSupplierPoints\", \"Expression\": \"25\"", StringComparison.Ordinal);
        expected.ShouldNotBe(json, "the test changes text that is in the file");
        changed.ShouldBe(expected);
        RuleFileText.NamedValueViews(changed)!.Single(v => v.Name == "lutonDistricts").Expression.ShouldBe("\"LU1, LU2, LU3, LU4, LU5\"");
    }

    [Fact]
    public void An_unknown_name_or_unreadable_text_changes_nothing_and_says_why()
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "pay-rate-caps.json"));

        var (same, problems) = RuleFileText.SetNamedValues(json, new Dictionary<string, string> { ["capEverything"] = "1m" });
        var (broken, brokenProblems) = RuleFileText.SetNamedValues("{ \"GlobalParams\": [ ", new Dictionary<string, string> { ["capSocialWorker"] = "50m" });

        same.ShouldBe(json);
        problems.ShouldHaveSingleItem().ShouldBe("There is no named value 'capEverything' in the file.");
        broken.ShouldBe("{ \"GlobalParams\": [ ");
        brokenProblems.ShouldHaveSingleItem().ShouldStartWith("The rule file cannot be read as JSON");
    }

    [Fact]
    public void A_change_from_a_day_is_added_in_date_order_or_replaces_that_days_and_the_rest_of_the_file_is_untouched()
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "pay-rate-caps.json"));
        var capLine = json.Split('\n').Single(l => l.Contains("\"Name\": \"capSocialWorker\"", StringComparison.Ordinal));

        var (scheduled, problems) = RuleFileText.ScheduleChange(json, "capSocialWorker", new DateOnly(2027, 4, 1), "47.00m");
        var (earlier, _) = RuleFileText.ScheduleChange(scheduled, "capSocialWorker", new DateOnly(2027, 1, 1), "46.00m");
        var (replaced, _) = RuleFileText.ScheduleChange(earlier, "capSocialWorker", new DateOnly(2027, 4, 1), "48.00m");

        problems.ShouldBeEmpty();
        scheduled.ShouldBe(json.Replace(capLine, capLine.Replace(" }", ", \"Changes\": [ { \"From\": \"2027-04-01\", \"Expression\": \"47.00m\" } ] }", StringComparison.Ordinal), StringComparison.Ordinal));
        replaced.ShouldContain("\"Changes\": [ { \"From\": \"2027-01-01\", \"Expression\": \"46.00m\" }, { \"From\": \"2027-04-01\", \"Expression\": \"48.00m\" } ]");
        RuleFileText.NamedValueViews(replaced)!.Single(v => v.Name == "capSocialWorker").ExpressionOn(new DateOnly(2027, 2, 1)).ShouldBe("46.00m");
    }

    [Fact]
    public void A_value_set_as_in_force_on_a_day_changes_the_period_in_force_then_and_no_other()
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "pay-rate-caps.json"));

        var (changed, problems) = RuleFileText.SetNamedValues(json, new Dictionary<string, string> { ["nationalLivingWage"] = "12.90m" }, new DateOnly(2026, 11, 23));

        problems.ShouldBeEmpty();
        changed.ShouldBe(json.Replace("{ \"From\": \"2026-04-01\", \"Expression\": \"12.71m\" }", "{ \"From\": \"2026-04-01\", \"Expression\": \"12.90m\" }", StringComparison.Ordinal));
        changed.ShouldNotBe(json);
    }
}
