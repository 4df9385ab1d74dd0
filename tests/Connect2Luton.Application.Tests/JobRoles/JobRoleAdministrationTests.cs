using System.Text.Json.Nodes;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.JobRoles;

/// <summary>
/// A job role's grade asked of the serving pay-rate rules: a grade they give no cap is refused, naming the rule set,
/// where their rule refuses, and saved with a warning where a policy officer has made the rule only warn.
/// </summary>
public sealed class JobRoleAdministrationTests : IAsyncLifetime
{
    private static readonly TestUser Admin = new("grace@luton.gov.uk", [Roles.Admin]);

    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static JobRoleInput Input(string title = "Planning Officer", string grade = "e") =>
        new(title, JobFamily.Planning, grade, 39_027m, 44_463m, RegistrationBody.None, null, IsInterim: false);

    [Fact]
    public async Task A_role_whose_grade_the_rules_give_no_cap_is_refused_naming_the_rule_set_and_one_with_a_cap_is_saved_in_the_rules_own_capitals()
    {
        var refused = await RunAsync(Admin, null, a => a.CreateAsync(Input(grade: "Z"), default));
        refused.Errors[JobRoleAdministration.Fields.NjcGrade].ShouldBe("The pay-rate caps rules set no cap for grade Z: ask a policy officer to add one, then save again");
        var saved = await RunAsync(Admin, null, a => a.CreateAsync(Input(), default));
        saved.Status.ShouldBe(CommandStatus.Done);

        var wrong = await RunAsync(Admin, null, a => a.CreateAsync(Input("PLANNING OFFICER") with { SalaryMaximum = 30_000m, JobFamily = (JobFamily)42, RequiredRegistration = null }, default));
        wrong.Errors[JobRoleAdministration.Fields.Title].ShouldBe("There is already a role called Planning Officer: enter another title");
        wrong.Errors[JobRoleAdministration.Fields.SalaryMaximum].ShouldBe("The highest salary must be the same as or more than the lowest");
        wrong.Errors.Keys.ShouldBe([JobRoleAdministration.Fields.Title, JobRoleAdministration.Fields.SalaryMaximum, JobRoleAdministration.Fields.JobFamily, JobRoleAdministration.Fields.RequiredRegistration], ignoreOrder: true);
        (await RunAsync(Admin, null, a => a.ChangeAsync(saved.Id, 0, Input(grade: "Z"), default))).Errors.Keys.ShouldBe([JobRoleAdministration.Fields.NjcGrade]);

        await using var data = TestData.Open(_database);
        var role = await data.SingleAsync<JobRole>(r => r.Id == saved.Id);
        (role.NjcGrade, role.Version).ShouldBe(("E", 0), "a refused change changes nothing");
        (await data.ListAsync<JobRole>(r => true)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Where_a_policy_officer_has_made_the_rule_only_warn_a_role_without_a_cap_is_saved_and_listed_with_the_warning()
    {
        using var rules = RuleFiles.Copy();
        var file = rules.Read("pay-rate-caps.json");
        const string refusing = "\"Description\": \"Every grade booked has a cap set.\", \"Outcome\": \"Refused\", ";
        file.ShouldContain(refusing);
        rules.Replace("pay-rate-caps.json", file.Replace(refusing, "\"Description\": \"Every grade booked has a cap set.\", ", StringComparison.Ordinal));
        // The shipped cases pin grade Z as refused; with the rule only warning, those go.
        var cases = JsonNode.Parse(rules.Read(Path.Combine("tests", "pay-rate-caps.cases.json")))!.AsObject();
        cases["Cases"] = new JsonArray([.. cases["Cases"]!.AsArray().Where(c => (string?)c!["Facts"]!["NjcGrade"] != "Z").Select(c => c!.DeepClone())]);
        rules.Replace(Path.Combine("tests", "pay-rate-caps.cases.json"), cases.ToJsonString());

        var saved = await RunAsync(Admin, rules.Directory, a => a.CreateAsync(Input("Specialist Adviser", "Z"), default));
        saved.Status.ShouldBe(CommandStatus.Done, string.Join("; ", saved.Errors.Values));

        await using var services = TestServices.For(_database, user: Admin, rulesDirectory: rules.Directory);
        await using var scope = services.CreateAsyncScope();
        var listed = (await scope.ServiceProvider.GetRequiredService<JobRoleAdministration>().ListAsync(default)).ShouldHaveSingleItem();
        listed.Grade.ShouldBe(new GradeCapFinding(false,
            "The pay-rate caps rules set no cap for grade Z (they warn rather than refuse): ask a policy officer to add one before this role is booked"));
    }

    private async Task<CommandResult> RunAsync(TestUser user, string? rulesDirectory, Func<JobRoleAdministration, Task<CommandResult>> act)
    {
        await using var services = TestServices.For(_database, user: user, rulesDirectory: rulesDirectory);
        await using var scope = services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<JobRoleAdministration>());
    }
}
