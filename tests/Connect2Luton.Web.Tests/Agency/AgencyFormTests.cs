using System.Net;
using AngleSharp.Dom;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Agency;

/// <summary>What agency staff type, or a forged request sends, on the agency's forms: each refusal beside its field, nothing kept.</summary>
public sealed class AgencyFormTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private static readonly string Chiltern = IdentitySeeder.DemoAgencyStaff[1].Email;

    [Fact]
    public async Task A_choice_the_candidate_form_never_offered_is_refused_beside_its_field_and_nothing_is_saved()
    {
        var mine = await PutForwardAsync(0);
        var staff = await factory.SignedInAsAsync(Chiltern);
        await using var database = await DatabaseFingerprint.OpenAsync(factory.ConnectionString, table => $"SELECT * FROM \"{table}\" ORDER BY rowid");
        var before = await database.TablesAsync();

        foreach (var (path, field, value) in new[]
        {
            ($"/Agency/Candidates/{mine.Candidate}/Edit", "Input.RegistrationBody", "x"),
            ($"/Agency/Candidates/{mine.Candidate}/Edit", "Input.RegistrationBody", "NotRegistered"),
            ($"/Agency/Candidates/{mine.Candidate}/Edit", "Input.DbsLevel", "x"),
            ("/Agency/Candidates/New", "Input.RegistrationBody", "x"),
            ("/Agency/Candidates/New", "Input.DbsLevel", "Enhanced'--"),
            ("/Agency/Candidates/New", "Input.JobFamily", "x"),
        })
        {
            var form = await staff.GetPageAsync(path);
            using var response = await staff.SubmitAsync(form, Filled(path, new Dictionary<string, string> { [field] = value }));
            var page = await Browsing.ParseAsync(response);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{field}={value} on {path}");
            ErrorBeside(page, field).ShouldStartWith("Select", customMessage: $"{field}={value} on {path}");
        }

        await database.ChangedSinceLastLook();
        (await database.TablesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_null_character_typed_into_an_agency_form_field_is_said_beside_that_field_and_changes_nothing()
    {
        var mine = await PutForwardAsync(1);
        var staff = await factory.SignedInAsAsync(Chiltern);
        await using var database = await DatabaseFingerprint.OpenAsync(factory.ConnectionString, table => $"SELECT * FROM \"{table}\" ORDER BY rowid");
        var before = await database.TablesAsync();

        var edit = $"/Agency/Candidates/{mine.Candidate}/Edit";
        foreach (var (path, field) in new[]
        {
            (edit, "Input.FirstName"), (edit, "Input.LastName"), (edit, "Input.Email"), (edit, "Input.Phone"), (edit, "Input.Postcode"),
            (edit, "Input.PreviousCouncil"), (edit, "Input.DbsCertificateNumber"), (edit, "Input.RegistrationNumber"), (edit, "Input.DateOfBirth.Day"),
            (edit, "Input.JobFamily"), (edit, "Input.DbsLevel"), (edit, "Input.RegistrationBody"),
            ("/Agency/Candidates/New", "Input.FirstName"),
            ($"/Agency/Submissions/{mine.Submission}/Withdraw", "Input.Reason"),
        })
        {
            var form = await staff.GetPageAsync(path);
            var typed = field.EndsWith(".Day", StringComparison.Ordinal) ? "1\0" : field == "Input.Email" ? "ali\0@example.com" : "Ali\0";
            using var response = await staff.SubmitAsync(form, Filled(path, new Dictionary<string, string> { [field] = typed }));
            var page = await Browsing.ParseAsync(response);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{field} on {path}");
            ErrorBeside(page, field.EndsWith(".Day", StringComparison.Ordinal) ? field[..^4] : field).ShouldNotBeNullOrWhiteSpace($"{field} on {path}");
        }

        await database.ChangedSinceLastLook();
        (await database.TablesAsync()).ShouldBe(before);
    }

    /// <summary>A new candidate's form needs the rest filled in, so only the field tried is wrong.</summary>
    private static Dictionary<string, string> Filled(string path, Dictionary<string, string> fields)
    {
        if (!path.EndsWith("/New", StringComparison.Ordinal)) return fields;
        var filled = new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Ama", ["Input.LastName"] = "Mensah", ["Input.Email"] = "ama.mensah@chiltern.example", ["Input.Postcode"] = "LU2 7AB",
            ["Input.JobFamily"] = "SocialCare", ["Input.DateOfBirth.Day"] = "3", ["Input.DateOfBirth.Month"] = "4", ["Input.DateOfBirth.Year"] = "1990",
            ["Input.RegistrationBody"] = "SocialWorkEngland", ["Input.RegistrationNumber"] = "SW445577",
            ["Input.RegistrationExpiresOn.Day"] = "30", ["Input.RegistrationExpiresOn.Month"] = "11", ["Input.RegistrationExpiresOn.Year"] = "2028",
        };
        foreach (var (name, value) in fields) filled[name] = value;
        return filled;
    }

    private static string ErrorBeside(IDocument page, string field) =>
        page.GetElementById($"{field.Replace('.', '_')}-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim()
        ?? throw new ShouldAssertException($"No message beside {field}: {string.Join(" | ", page.QuerySelectorAll(".govuk-error-message").Select(e => e.TextContent.Trim()))}");

    /// <param name="nth">Which open requisition: each test its own, as the sample candidates share a phone number.</param>
    private async Task<(int Requisition, int Candidate, int Submission)> PutForwardAsync(int nth)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var requisition = await db.Requisitions.Where(r => r.Status == RequisitionStatus.Open && r.PositionsFilled < r.Positions).OrderByDescending(r => r.Id).Select(r => r.Id).Skip(nth).FirstAsync();
        return await AgencySamples.PutForwardAsync(db, requisition, Chiltern, factory.Clock.GetUtcNow());
    }
}
