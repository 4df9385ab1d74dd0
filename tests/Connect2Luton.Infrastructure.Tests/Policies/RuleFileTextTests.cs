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
}
