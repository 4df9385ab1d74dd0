using System.Net;
using AngleSharp.Dom;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Agency;

/// <summary>
/// What an agency reads when the council stops considering its candidate, and what the recruiter's page shows then:
/// the two agree, and a candidate the agency can no longer withdraw is not offered a withdrawal.
/// </summary>
public sealed class AgencyCandidateOutcomeTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Recruiter = "recruiter@connect2luton.local";
    private static readonly string Chiltern = IdentitySeeder.DemoAgencyStaff[1].Email;

    [Fact]
    public async Task An_agency_candidate_shortlisted_then_taken_off_is_not_taken_forward_and_their_agency_reads_why()
    {
        var (requisition, candidate, submission) = await PutForwardAsync(skip: 0);
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var shortlist = await recruiter.GetPageAsync($"/Requisitions/{requisition}/Shortlist");
        (await recruiter.SubmitAsync(shortlist, new Dictionary<string, string>(), $"/Requisitions/{requisition}/Shortlist?handler=Submission"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var remove = await recruiter.GetPageAsync($"/Requisitions/{requisition}/Shortlist/{candidate}/Remove");
        remove.Text("#Input_Reason-hint").ShouldContain("an agency that put the worker forward sees it");

        var removed = await recruiter.SubmitAsync(remove, new Dictionary<string, string> { ["Input.Reason"] = "Not suitable after interview" });

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = (await recruiter.GetPageAsync($"/Requisitions/{requisition}/Shortlist")).QuerySelector($"#put-forward tr[data-submission='{submission}']")!;
        row.QuerySelector(".govuk-tag")!.TextContent.ShouldBe("Not taken forward");
        row.TextContent.ShouldContain("Not suitable after interview");
        row.QuerySelectorAll("button, a[href$='/Decline']").ShouldBeEmpty();
        var theirs = await AgencyRowAsync(submission);
        theirs.QuerySelector(".govuk-tag")!.TextContent.ShouldBe("Not taken forward");
        theirs.TextContent.ShouldContain("Not suitable after interview");
        theirs.QuerySelectorAll("a[href$='/Withdraw']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_a_requisition_tells_the_agency_its_candidate_is_not_taken_forward_because_the_vacancy_was_cancelled()
    {
        var (requisition, _, submission) = await PutForwardAsync(skip: 1);
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var form = await recruiter.GetPageAsync($"/Requisitions/{requisition}/Cancel");
        form.Text("#Input_Reason-hint").ShouldContain("Agencies that put candidates forward for it see it too");

        var cancelled = await recruiter.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "The service has appointed someone permanently" });

        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var theirs = await AgencyRowAsync(submission);
        theirs.QuerySelector(".govuk-tag")!.TextContent.ShouldBe("Not taken forward");
        theirs.TextContent.ShouldContain("The council cancelled this vacancy: The service has appointed someone permanently");
        theirs.QuerySelectorAll("a[href$='/Withdraw']").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(SubmissionStatus.Placed, "The council has placed them in this vacancy.")]
    [InlineData(SubmissionStatus.NotTakenForward, "The council did not take them forward for this vacancy.")]
    [InlineData(SubmissionStatus.Withdrawn, "You have already withdrawn them from this vacancy.")]
    public async Task A_candidate_who_can_no_longer_be_withdrawn_is_told_why_with_no_form(SubmissionStatus status, string why)
    {
        // Each on a requisition of its own: the sample candidate is the same person each time.
        var (_, _, submission) = await PutForwardAsync(skip: (int)status - (int)SubmissionStatus.NotTakenForward, socialWork: true);
        await ChangeAsync(submission, s =>
        {
            var at = factory.Clock.GetUtcNow();
            if (status == SubmissionStatus.Placed) s.MarkPlaced("recruiter@connect2luton.local", at);
            else if (status == SubmissionStatus.NotTakenForward) s.Decline("Needs two years in child protection", "recruiter@connect2luton.local", at);
            else s.Withdraw(null, Chiltern, at);
        });
        var staff = await factory.SignedInAsAsync(Chiltern);

        var page = await staff.GetPageAsync($"/Agency/Submissions/{submission}/Withdraw");

        page.QuerySelector("h1")!.TextContent.ShouldEndWith("can no longer be withdrawn");
        page.Text("#why-not").ShouldBe(why);
        page.QuerySelectorAll("main form").ShouldBeEmpty();
        if (status == SubmissionStatus.NotTakenForward) page.Text("#reason").ShouldBe("Needs two years in child protection");
    }

    [Fact]
    public async Task An_edit_that_would_leave_a_candidate_short_of_the_vacancy_they_wait_on_is_refused_beside_the_field_and_changes_nothing()
    {
        // The demo's social work roles need an enhanced certificate with the barred lists, which the sample candidate has.
        var (requisition, candidate, _) = await PutForwardAsync(skip: 3, socialWork: true);
        string vacancy;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            vacancy = await db.Requisitions.Where(r => r.Id == requisition).Select(r => r.Title).SingleAsync();
        }
        var staff = await factory.SignedInAsAsync(Chiltern);
        await using var database = await DatabaseFingerprint.OpenAsync(factory.ConnectionString, table => $"SELECT * FROM \"{table}\" ORDER BY rowid");
        var before = await database.TablesAsync();

        foreach (var (field, value, why) in new[]
        {
            ("Input.DbsLevel", "Basic", "which needs an enhanced DBS certificate with the barred lists: withdraw them from it first, or keep their certificate"),
            ("Input.JobFamily", "Catering", "in another job family: withdraw them from it first, or keep their job family"),
        })
        {
            var form = await staff.GetPageAsync($"/Agency/Candidates/{candidate}/Edit");
            using var response = await staff.SubmitAsync(form, new Dictionary<string, string> { [field] = value });

            response.StatusCode.ShouldBe(HttpStatusCode.OK, field);
            var beside = (await Browsing.ParseAsync(response)).Text($"#{field.Replace('.', '_')}-error");
            beside.ShouldContain($"is put forward for {vacancy} from ", Case.Sensitive, field);
            beside.ShouldEndWith(why, Case.Sensitive, field);
        }

        await database.ChangedSinceLastLook();
        (await database.TablesAsync()).ShouldBe(before);
    }

    private async Task<IElement> AgencyRowAsync(int submission)
    {
        var staff = await factory.SignedInAsAsync(Chiltern);
        var page = await staff.GetPageAsync("/Agency/Submissions");
        return page.QuerySelector($"#submissions tr[data-submission='{submission}']") ?? throw new ShouldAssertException($"Submission {submission} is not listed.");
    }

    // An open requisition with workers still to place, for a role outside the DfE rules (so a recruiter can shortlist
    // the sample candidate) or for social work, and the second demo agency's candidate put forward for it.
    private async Task<(int Requisition, int Candidate, int Submission)> PutForwardAsync(int skip, bool socialWork = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var roles = await db.JobRoles.Where(r => (r.DfeRoleType != null) == socialWork).Select(r => r.Id).ToListAsync();
        var requisition = await db.Requisitions
            .Where(r => r.Status == RequisitionStatus.Open && r.PositionsFilled < r.Positions && roles.Contains(r.JobRoleId))
            .OrderBy(r => r.Id).Skip(skip).Select(r => r.Id).FirstAsync();
        return await AgencySamples.PutForwardAsync(db, requisition, Chiltern, factory.Clock.GetUtcNow());
    }

    private async Task ChangeAsync(int submission, Action<Submission> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        change(await db.Submissions.SingleAsync(s => s.Id == submission));
        await db.SaveChangesAsync();
    }
}
