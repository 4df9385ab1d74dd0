using System.Net;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Workers;

public sealed class WorkerTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Recruiter = "recruiter@connect2luton.local";

    private async Task<Dictionary<string, string>> ValidFormAsync()
    {
        var agency = await QueryAsync(db => db.SupplyAgencies.First().Id);
        var today = Clocks.Today;
        return new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Nadia",
            ["Input.LastName"] = "Rahman",
            ["Input.Email"] = "nadia.rahman@example.org",
            ["Input.Phone"] = "07700 900123",
            ["Input.Postcode"] = "lu2 7ab",
            ["Input.JobFamily"] = "SocialCare",
            ["Input.SupplyAgencyId"] = agency.ToString(),
            ["Input.QualifiedOn.Day"] = "1",
            ["Input.QualifiedOn.Month"] = "7",
            ["Input.QualifiedOn.Year"] = "2019",
            ["Input.DateOfBirth.Day"] = "1",
            ["Input.DateOfBirth.Month"] = "3",
            ["Input.DateOfBirth.Year"] = "1985",
            ["Input.OpenToPermanentJob"] = "true",
            ["Input.RightToWorkCheckedOn.Day"] = "2",
            ["Input.RightToWorkCheckedOn.Month"] = "11",
            ["Input.RightToWorkCheckedOn.Year"] = "2026",
            ["Input.RightToWorkExpiresOn.Day"] = today.AddDays(10).Day.ToString(),
            ["Input.RightToWorkExpiresOn.Month"] = today.AddDays(10).Month.ToString(),
            ["Input.RightToWorkExpiresOn.Year"] = today.AddDays(10).Year.ToString(),
            ["Input.RegistrationBody"] = "SocialWorkEngland",
            ["Input.RegistrationNumber"] = "SW123456",
            ["Input.RegistrationExpiresOn.Day"] = "30",
            ["Input.RegistrationExpiresOn.Month"] = "11",
            ["Input.RegistrationExpiresOn.Year"] = "2027",
        };
    }

    [Fact]
    public async Task An_older_dbs_certificate_is_recorded_with_its_update_service_status_check_and_a_check_without_the_service_is_refused_at_the_field()
    {
        var client = await factory.SignedInAsAsync(Recruiter);
        var form = await client.GetPageAsync("/Workers/New");
        var fields = await ValidFormAsync();
        fields["Input.Email"] = $"{Guid.NewGuid():N}@example.org";
        fields["Input.DbsIssuedOn.Day"] = "1";
        fields["Input.DbsIssuedOn.Month"] = "7";
        fields["Input.DbsIssuedOn.Year"] = "2023";
        fields["Input.DbsLevel"] = "EnhancedWithBarredLists";
        fields["Input.DbsCertificateNumber"] = "001234567890";
        fields["Input.DbsStatusCheckedOn.Day"] = "2";
        fields["Input.DbsStatusCheckedOn.Month"] = "11";
        fields["Input.DbsStatusCheckedOn.Year"] = "2026";

        var refused = await Browsing.ParseAsync(await client.SubmitAsync(form, fields));
        fields["Input.DbsOnUpdateService"] = "true";
        var saved = await client.SubmitAsync(form, fields);

        refused.Text("#Input_DbsStatusCheckedOn-error").ShouldContain("only possible for a certificate on the Update Service");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var page = await client.GetPageAsync(saved.Headers.Location!.ToString());
        page.QuerySelectorAll("#compliance .govuk-summary-list__row").Select(r => r.TextContent).ShouldContain(r => r.Contains("on the Update Service; status checked 2 November 2026, no change"));
    }

    [Theory]
    [InlineData("bedford", "Bedford Borough Council (East of England)")]
    [InlineData("Dacorum Borough Council", "Dacorum Borough Council (region not known: treated as East of England for the DfE cooling-off)")]
    public async Task The_region_of_the_last_council_is_looked_up_from_the_register_never_typed(string council, string shown)
    {
        var client = await factory.SignedInAsAsync(Recruiter);
        var form = await client.GetPageAsync("/Workers/New");
        form.QuerySelectorAll("#english-councils option").Length.ShouldBe(153);
        form.QuerySelector("#Input_PreviousCouncilRegion").ShouldBeNull("there is no region to type");
        var fields = await ValidFormAsync();
        fields["Input.PreviousCouncil"] = council;
        fields["Input.PreviousCouncilRegion"] = "Eastern";
        fields["Input.LeftPermanentCouncilPostOn.Day"] = "1";
        fields["Input.LeftPermanentCouncilPostOn.Month"] = "10";
        fields["Input.LeftPermanentCouncilPostOn.Year"] = "2026";
        fields["Input.Email"] = $"{Guid.NewGuid():N}@example.org";

        var response = await client.SubmitAsync(form, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());
        page.Text("#previous-council").ShouldStartWith(shown);
    }

    [Fact]
    public async Task A_recruiter_adds_a_worker_and_the_checks_panel_shows_what_is_missing_or_ending()
    {
        var client = await factory.SignedInAsAsync(Recruiter);
        var form = await client.GetPageAsync("/Workers/New");

        var response = await client.SubmitAsync(form, await ValidFormAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());
        page.Text("h1").ShouldBe("Nadia Rahman");
        var panel = page.QuerySelectorAll("#compliance .govuk-summary-list__row").Select(r => r.TextContent).ToList();
        panel.ShouldContain(r => r.Contains("Right to work") && r.Contains("Ends within 30 days"));
        panel.ShouldContain(r => r.Contains("DBS") && r.Contains("Missing"));
        panel.ShouldContain(r => r.Contains("Social Work England registration") && r.Contains("In order"));
        page.Text("#compliance .govuk-summary-card__title-wrapper").ShouldContain("2 things to do");
        page.Text("#profile").ShouldContain("LU2 7AB");
        page.Text("#profile").ShouldContain("7 years");
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Input.Postcode", "LU1", "Input_Postcode", "Enter a full UK postcode, like LU1 3JH" },
        { "Input.Postcode", "ZZ99 9ZZ9", "Input_Postcode", "Enter a full UK postcode, like LU1 3JH" },
        { "Input.Email", "nadia at example", "Input_Email", "Enter an email address in the correct format, like name@example.com" },
        { "Input.Phone", "call me", "Input_Phone", "Enter a UK phone number, like 01582 546000 or 07700 900 982" },
        { "Input.FirstName", "<img src=x onerror=alert(1)>", "Input_FirstName", "The first name must not contain < or >" },
        { "Input.LastName", "", "Input_LastName", "Enter the last name" },
        // Blank "letters" (Hangul filler, braille blank) would show a worker with no name in every list.
        { "Input.FirstName", "\u3164", "Input_FirstName", "The first name must not contain hidden characters" },
        { "Input.LastName", "\u2800=1+1", "Input_LastName", "The last name must not contain hidden characters" },
        { "Input.PreviousCouncil", "\u115F\u1160", "Input_PreviousCouncil", "The council must not contain hidden characters" },
        { "Input.LastName", "'; DROP TABLE Workers; --" + new string('x', 100), "Input_LastName", "The last name must be 100 characters or fewer" },
        { "Input.RegistrationNumber", "", "Input_RegistrationNumber", "Enter the registration number" },
        { "Input.RightToWorkExpiresOn.Year", "2020", "Input_RightToWorkExpiresOn", "The permission cannot end before it was checked" },
        { "Input.RightToWorkCheckedOn.Year", "2030", "Input_RightToWorkCheckedOn", "The right-to-work check must be today or in the past" },
        { "Input.QualifiedOn.Month", "13", "Input_QualifiedOn", "The qualification date must be a real date" },
        { "Input.QualifiedOn.Year", "1955", "Input_QualifiedOn", "Enter a qualification date in the last 70 years" },
        { "Input.DateOfBirth.Year", "2008", "Input_QualifiedOn", "The qualification date must be after their 16th birthday" },
        { "Input.JobFamily", "Astronaut", "Input_JobFamily", "Select the job family" },
        { "Input.JobFamily", "Housing,Planning", "Input_JobFamily", "Select the job family" },
        { "Input.DbsCertificateNumber", "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF10\uFF11\uFF12", "Input_DbsCertificateNumber", "Enter the 12-digit DBS certificate number" },
        { "Input.RegistrationNumber", "SW\u0664\u0663\u0661\u0663\u0665\u0663", "Input_RegistrationNumber", "Enter the registration number as it appears on the register, like SW123456" },
        { "Input.Phone", "07641 \uFF13\uFF16\uFF14\uFF16\uFF11\uFF13", "Input_Phone", "Enter a UK phone number, like 01582 546000 or 07700 900 982" },
        { "Input.SupplyAgencyId", "-1", "Input_SupplyAgencyId", "Select who supplies the worker" },
        { "Input.DbsCertificateNumber", "12345", "Input_DbsCertificateNumber", "Enter the 12-digit DBS certificate number" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_at_the_field_and_nothing_is_saved(string field, string value, string id, string message)
    {
        var client = await factory.SignedInAsAsync(Recruiter);
        var page = await client.GetPageAsync("/Workers/New");
        var form = await ValidFormAsync();
        form[field] = value;
        var before = await QueryAsync(db => db.Workers.Count());

        var response = await client.SubmitAsync(page, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Browsing.ParseAsync(response);
        result.Text($"#{id}-error").ShouldBe($"Error: {message}");
        result.QuerySelector($".govuk-error-summary a[href='#{id}']").ShouldNotBeNull();
        (await QueryAsync(db => db.Workers.Count())).ShouldBe(before);
    }

    [Fact]
    public async Task A_worker_saved_by_someone_else_meanwhile_is_refused_keeping_what_was_typed_and_saving_again_is_then_a_choice()
    {
        var first = await factory.SignedInAsAsync(Recruiter);
        var second = await factory.SignedInAsAsync("admin@connect2luton.local");
        var id = await QueryAsync(db => db.Workers.OrderBy(w => w.Id).Skip(4).First().Id);
        var firstForm = await first.GetPageAsync($"/Workers/{id}/Edit");
        var secondForm = await second.GetPageAsync($"/Workers/{id}/Edit");

        (await first.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.Phone"] = "01582 546001" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await Browsing.ParseAsync(await second.SubmitAsync(secondForm, new Dictionary<string, string> { ["Input.Phone"] = "01582 546002" }));

        refused.Text(".govuk-error-summary").ShouldContain("Someone else saved a change to this worker");
        ((AngleSharp.Html.Dom.IHtmlInputElement)refused.QuerySelector("input[name='Input.Phone']")!).Value.ShouldBe("01582 546002", "what was typed is not lost");
        (await QueryAsync(db => db.Workers.Single(w => w.Id == id).Phone)).ShouldBe("01582 546001");
        // Told, the second saves again from the same page: a choice, not a page refused for ever.
        (await second.SubmitAsync(refused, new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await QueryAsync(db => db.Workers.Single(w => w.Id == id).Phone)).ShouldBe("01582 546002");
    }

    [Fact]
    public async Task Workers_are_found_by_postcode_district_and_by_checks_needing_attention()
    {
        var client = await factory.SignedInAsAsync(Recruiter);
        var soon = Clocks.Today.AddDays(30);
        var (inLu3, needingAttention) = await QueryAsync(db => (
            db.Workers.Count(w => w.PostcodeDistrict == "LU3"),
            db.Workers.Count(w => w.RightToWork == null || w.RightToWork.ExpiresOn <= soon || w.Dbs == null || (w.Registration != null && w.Registration.ExpiresOn <= soon))));

        var byDistrict = await client.GetPageAsync("/Workers?postcode=lu3");
        var byChecks = await client.GetPageAsync("/Workers?compliance=NeedsAttention");

        byDistrict.Text("#result-count").ShouldBe($"{inLu3} workers");
        byDistrict.QuerySelectorAll("main tbody tr").ShouldAllBe(r => r.TextContent.Contains("LU3 "));
        byChecks.Text("#result-count").ShouldBe($"{needingAttention} workers");
        byChecks.QuerySelectorAll("main tbody tr").ShouldAllBe(r => r.TextContent.Contains("Need attention"));
    }

    [Fact]
    public async Task A_worker_is_found_by_their_whole_name_and_by_their_postcode_however_it_is_spaced()
    {
        var client = await factory.SignedInAsAsync(Recruiter);
        var (first, last, postcode) = await QueryAsync(db => db.Workers.OrderBy(w => w.Id).Select(w => new { w.FirstName, w.LastName, w.Postcode }).AsEnumerable()
            .Select(w => (w.FirstName, w.LastName, w.Postcode)).First());

        var byName = await client.GetPageAsync($"/Workers?name={Uri.EscapeDataString($"  {first.ToLowerInvariant()}   {last[..2]} ")}");
        var byPostcode = await client.GetPageAsync($"/Workers?postcode={Uri.EscapeDataString(postcode.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())}");
        var spaced = await client.GetPageAsync($"/Workers?postcode={Uri.EscapeDataString(postcode.Replace(" ", "   ", StringComparison.Ordinal))}");

        byName.QuerySelectorAll("main tbody tr").ShouldContain(r => r.TextContent.Contains($"{first} {last}"));
        byName.QuerySelectorAll("main tbody tr").ShouldAllBe(r => r.TextContent.Contains(first, StringComparison.OrdinalIgnoreCase));
        byPostcode.QuerySelectorAll("main tbody tr").ShouldNotBeEmpty();
        byPostcode.QuerySelectorAll("main tbody tr").ShouldAllBe(r => r.TextContent.Contains(postcode));
        spaced.Text("#result-count").ShouldBe(byPostcode.Text("#result-count"));
    }

    [Fact]
    public async Task A_name_typed_with_the_apostrophe_phones_type_finds_the_names_kept_with_a_plain_one()
    {
        var client = await factory.SignedInAsAsync(Recruiter);

        var plain = await client.GetPageAsync($"/Workers?name={Uri.EscapeDataString("O'Brien")}");
        var curly = await client.GetPageAsync($"/Workers?name={Uri.EscapeDataString("O\u2019Brien")}");

        plain.QuerySelectorAll("main tbody tr").ShouldNotBeEmpty("the demo data has an O'Brien");
        curly.Text("#result-count").ShouldBe(plain.Text("#result-count"));
    }

    [Theory]
    [InlineData("manager@connect2luton.local")]
    [InlineData("policy@connect2luton.local")]
    public async Task Only_recruiters_and_admins_see_the_worker_pool(string email)
    {
        var client = await factory.SignedInAsAsync(email);

        var list = await client.GetAsync(new Uri("/Workers", UriKind.Relative));
        var dashboard = await client.GetPageAsync("/");

        list.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        dashboard.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.TextContent.Trim()).ShouldNotContain("Workers");
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, T> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
