using System.Net;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Requisitions;

/// <summary>Bad input on the requisition form: a clear message at the field, nothing saved, never an error page.</summary>
public sealed class RequisitionFormTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Input.Title", "", "Input_Title", "Enter a title for the requisition" },
        { "Input.Title", "<script>alert('x')</script>", "Input_Title", "The title must not contain < or >" },
        { "Input.Title", new string('x', 201), "Input_Title", "The title must be 200 characters or fewer" },
        { "Input.WeeklyHours", "thirty-seven", "Input_WeeklyHours", "Weekly hours must be a number" },
        { "Input.WeeklyHours", "0", "Input_WeeklyHours", "Weekly hours must be between 1 and 60" },
        { "Input.WeeklyHours", "99999999999999999999999", "Input_WeeklyHours", "Weekly hours must be a number" },
        { "Input.WeeklyHours", "37.555", "Input_WeeklyHours", "Enter the weekly hours to 2 decimal places at most, like 37.5" },
        { "Input.MaximumPayRate", "-5", "Input_MaximumPayRate", "The maximum pay rate must be more than £0" },
        { "Input.MaximumPayRate", "1000000", "Input_MaximumPayRate", "The maximum pay rate must be £500.00 or less" },
        { "Input.MaximumPayRate", "35.555", "Input_MaximumPayRate", "The maximum pay rate must be in pounds and pence, like 32.50" },
        { "Input.MaximumPayRate", "1e9", "Input_MaximumPayRate", "The maximum pay rate must be a number" },
        { "Input.Positions", "0", "Input_Positions", "The number of workers must be between 1 and 50" },
        { "Input.Positions", "2.5", "Input_Positions", "The number of workers must be a whole number" },
        { "Input.StartDate.Day", "31|2", "Input_StartDate", "The start date must be a real date" },
        { "Input.StartDate.Month", "", "Input_StartDate", "The start date must include a month" },
        { "Input.EndDate.Year", "2026", "Input_EndDate", "The end date must be the same as or after the start date" },
        { "Input.Reason", "", "Input_Reason", "Select why the service needs a temporary worker" },
        { "Input.Reason", "NotAReason", "Input_Reason", "Select why the service needs a temporary worker" },
        { "Input.JobRoleId", "999999", "Input_JobRoleId", "Select the job role" },
        { "Input.ServiceAreaId", "abc", "Input_ServiceAreaId", "Select the service area" },
        { "Input.Description", "Ring me\u0007 now", "Input_Description", "The description must not contain hidden control characters" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_at_the_field_and_nothing_is_saved(string field, string value, string id, string message)
    {
        var client = await factory.SignedInAsAsync("manager@connect2luton.local");
        var page = await client.GetPageAsync("/Requisitions/New");
        var form = RequisitionJourneyTests.ValidForm(await QueryAsync(db => db.JobRoles.First().Id));
        if (value.Contains('|'))
        {
            form["Input.StartDate.Day"] = value.Split('|')[0];
            form["Input.StartDate.Month"] = value.Split('|')[1];
            form["Input.StartDate.Year"] = "2027";
        }
        else
        {
            form[field] = value;
        }
        var before = await QueryAsync(db => db.Requisitions.Count());

        var response = await client.SubmitAsync(page, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Browsing.ParseAsync(response);
        result.Text($"#{id}-error").ShouldBe($"Error: {message}");
        result.QuerySelector($".govuk-error-summary a[href='#{id}']").ShouldNotBeNull();
        result.Title.ShouldStartWith("Error: ");
        result.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"));
        (await QueryAsync(db => db.Requisitions.Count())).ShouldBe(before);
    }

    [Fact]
    public async Task The_title_hint_says_agencies_see_the_title()
    {
        var client = await factory.SignedInAsAsync("manager@connect2luton.local");

        var page = await client.GetPageAsync("/Requisitions/New");

        page.Text("#Input_Title-hint").ShouldStartWith("Agencies that are sent the vacancy see this title.");
    }

    [Fact]
    public async Task A_hiring_manager_cannot_raise_for_another_service()
    {
        var client = await factory.SignedInAsAsync("manager@connect2luton.local");
        var page = await client.GetPageAsync("/Requisitions/New");
        var form = RequisitionJourneyTests.ValidForm(await QueryAsync(db => db.JobRoles.First().Id));
        form["Input.ServiceAreaId"] = (await QueryAsync(db => db.ServiceAreas.First(a => a.Code == "HOU").Id)).ToString();

        var result = await Browsing.ParseAsync(await client.SubmitAsync(page, form));

        result.Text("#Input_ServiceAreaId-error").ShouldBe("Error: You can only raise requisitions for your own service area");
        page.QuerySelectorAll("#Input_ServiceAreaId option").Count(o => o.GetAttribute("value") != "").ShouldBe(1);
    }

    [Fact]
    public async Task A_service_is_offered_its_own_roles_and_managers_and_a_role_it_does_not_recruit_is_refused_at_the_field()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var page = await client.GetPageAsync("/Requisitions/New");
        var (children, housing) = await QueryAsync(db => (db.ServiceAreas.Single(a => a.Code == "CSC").Id, db.ServiceAreas.Single(a => a.Code == "HOU").Id));
        // The demo housing company's lettings service recruits housing officers too.
        var lettings = await QueryAsync(db => db.ServiceAreas.Single(a => a.Code == "LHP").Id);
        var housingOfficer = await QueryAsync(db => db.JobRoles.Single(r => r.Title == "Housing Officer").Id);
        var childrensManager = await QueryAsync(db => db.HiringManagers.First(m => m.ServiceAreaId == children).Id);
        string OfferedFor(string select, int value) => page.QuerySelector($"#{select} option[value='{value}']")!.GetAttribute("data-offered-for") ?? "every service";

        page.QuerySelector("#Input_JobRoleId")!.GetAttribute("data-filtered-by").ShouldBe("Input_ServiceAreaId");
        OfferedFor("Input_JobRoleId", housingOfficer).ShouldBe($"{housing} {lettings}");
        OfferedFor("Input_HiringManagerId", childrensManager).ShouldBe(children.ToString());
        var form = RequisitionJourneyTests.ValidForm(housingOfficer);
        form["Input.ServiceAreaId"] = children.ToString();
        form["Input.HiringManagerId"] = childrensManager.ToString();
        var before = await QueryAsync(db => db.Requisitions.Count());

        var result = await Browsing.ParseAsync(await client.SubmitAsync(page, form));

        result.Text("#Input_JobRoleId-error").ShouldBe("Error: Children's Social Care does not recruit for the role Housing Officer: select one of the roles it recruits for");
        (await QueryAsync(db => db.Requisitions.Count())).ShouldBe(before);
    }

    [Fact]
    public async Task A_policy_officer_cannot_raise_requisitions()
    {
        var client = await factory.SignedInAsAsync("policy@connect2luton.local");

        var response = await client.GetAsync(new Uri("/Requisitions/New", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_export_has_every_filtered_requisition_and_disarms_formulas()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var page = await client.GetPageAsync("/Requisitions/New");
        var form = RequisitionJourneyTests.ValidForm(await QueryAsync(db => db.JobRoles.First().Id));
        form["Input.ServiceAreaId"] = (await QueryAsync(db => db.ServiceAreas.First(a => a.Code == "CSC").Id)).ToString();
        form["Input.HiringManagerId"] = (await QueryAsync(db => db.HiringManagers.First(m => m.Email == "manager@connect2luton.local").Id)).ToString();
        form["Input.Title"] = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        (await client.SubmitAsync(page, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var drafts = await QueryAsync(db => db.Requisitions.Count(r => r.Status == Domain.Requisitions.RequisitionStatus.Draft));

        var response = await client.GetAsync(new Uri("/Requisitions?handler=Export&status=Draft", UriKind.Relative));

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Requisition,Title,Service area,Job role,Status");
        lines.Length.ShouldBe(drafts + 1);
        lines.ShouldContain(l => l.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\""));
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, T> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
