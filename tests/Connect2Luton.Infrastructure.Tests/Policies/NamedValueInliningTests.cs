using Connect2Luton.Infrastructure.Policies;

namespace Connect2Luton.Infrastructure.Tests.Policies;

public sealed class NamedValueInliningTests
{
    private static readonly Dictionary<string, string> Constants = new()
    {
        ["cap"] = "45.00m",
        ["districts"] = "\"LU1, LU2\"",
        ["weeks"] = "12",
    };

    [Theory]
    [InlineData("input.PayRate <= cap", "input.PayRate <= (45.00m)")]
    [InlineData("Policy.InList(input.PostcodeDistrict, districts)", "Policy.InList(input.PostcodeDistrict, (\"LU1, LU2\"))")]
    [InlineData("input.AwrWeeks < weeks - 2", "input.AwrWeeks < (12) - 2")]
    [InlineData("input.cap > 1", "input.cap > 1")]
    [InlineData("input. cap > 1", "input. cap > 1")]
    [InlineData("input.RoleTitle == \"cap and weeks\"", "input.RoleTitle == \"cap and weeks\"")]
    [InlineData("input.RoleTitle == \"say \\\"cap\\\"\" && capped", "input.RoleTitle == \"say \\\"cap\\\"\" && capped")]
    [InlineData("12.5m > cap", "12.5m > (45.00m)")]
    public void Only_whole_names_of_constants_outside_text_and_member_access_are_folded(string expression, string folded) =>
        NamedValueInlining.Inline(expression, Constants).ShouldBe(folded);
}
