using System.Net;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Email;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Requisitions;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Email;

/// <summary>Emails sent through the outbox by the real app to a real SMTP server in the test, and read as they arrived.</summary>
public sealed class EmailTests(EmailingFactory factory) : IClassFixture<EmailingFactory>
{
    internal const string Manager = "manager@connect2luton.local";
    internal const string Recruiter = "recruiter@connect2luton.local";
    private const string Admin = "admin@connect2luton.local";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Submitting_a_requisition_emails_the_services_hiring_manager_a_link_to_approve_it()
    {
        var id = await SubmittedByRecruiterAsync(factory, "Social Worker, Duty and Assessment");

        var email = await factory.Inbox.WaitForAsync(e => e.IsTo(Manager) && e.Subject.Contains("Duty and Assessment", StringComparison.Ordinal), Patience);

        email.Subject.ShouldBe("Requisition waiting for your approval: Social Worker, Duty and Assessment");
        email.Body.ShouldContain("A requisition for Children's Social Care is waiting for your approval.");
        email.Body.ShouldContain("from 7 December 2026 to 4 June 2027");
        email.Body.ShouldContain($"{EmailingFactory.AppUrl}/Requisitions/{id}");
        email.Message.From.Mailboxes.Single().Address.ShouldBe("no-reply@connect2luton.example");
        factory.Inbox.Received.ShouldNotContain(e => e.IsTo(Recruiter) && e.Subject.StartsWith("Requisition waiting", StringComparison.Ordinal), "whoever submitted it is not asked to approve it");
    }

    [Fact]
    public async Task Releasing_a_requisition_to_local_agencies_emails_their_staff_a_link_to_the_vacancy_in_their_portal()
    {
        int id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var model = await db.Requisitions.FirstAsync(r => r.Status == RequisitionStatus.Open && r.ServiceAreaId == db.ServiceAreas.Single(a => a.Code == "CSC").Id
                && db.JobRoles.Any(j => j.Id == r.JobRoleId && j.DfeRoleType != null));
            var requisition = Testing.A.Requisition().In(model.ServiceAreaId, model.JobRoleId, model.HiringManagerId).Starting(Testing.Clocks.Today.AddDays(28)).Open();
            db.Add(requisition);
            await db.SaveChangesAsync();
            id = requisition.Id;
        }
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var released = await recruiter.SubmitAsync(await recruiter.GetPageAsync($"/Requisitions/{id}"),
            new Dictionary<string, string> { ["Local.Reason"] = "Nobody in the pool is free before the start" }, $"/Requisitions/{id}?handler=ReleaseLocal");
        released.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var staff = Infrastructure.Identity.IdentitySeeder.DemoAgencyStaff[0].Email;
        var email = await factory.Inbox.WaitForAsync(e => e.IsTo(staff) && e.Body.Contains($"/Agency/Vacancies/{id}", StringComparison.Ordinal), Patience);

        email.Subject.ShouldStartWith("Vacancy released to your agency: ");
        email.Body.ShouldContain($"{EmailingFactory.AppUrl}/Agency/Vacancies/{id}");
        email.Body.ShouldNotContain("manager@connect2luton.local");
        // The second demo agency has not confirmed the DfE agency rules, so children's social work is not released to it.
        factory.Inbox.Received.ShouldNotContain(e => e.IsTo(Infrastructure.Identity.IdentitySeeder.DemoAgencyStaff[1].Email) && e.Body.Contains($"/Agency/Vacancies/{id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_title_with_line_breaks_stays_in_the_subject_and_adds_no_header_or_recipient()
    {
        const string hostile = "Care Worker\r\nBcc: someone@elsewhere.example\r\nX-Injected: yes";

        await SubmittedByRecruiterAsync(factory, hostile);
        var email = await factory.Inbox.WaitForAsync(e => e.Subject.Contains("Care Worker", StringComparison.Ordinal), Patience);

        email.Subject.ShouldBe("Requisition waiting for your approval: Care Worker Bcc: someone@elsewhere.example X-Injected: yes");
        email.EnvelopeTo.ShouldBe([Manager]);
        email.Message.Bcc.ShouldBeEmpty();
        email.Message.Headers.Contains("X-Injected").ShouldBeFalse();
        email.Body.ShouldContain("Requisition: Care Worker Bcc: someone@elsewhere.example X-Injected: yes");
    }

    [Fact]
    public async Task The_nightly_conversion_check_sends_each_recruiter_one_digest_of_the_prompts_it_raised()
    {
        var admin = await factory.SignedInAsAsync(Admin);
        await using (var finishing = await JobsFinishing.ExpectAsync(factory.Services, JobNames.RaiseConversionPrompts))
        {
            var page = await admin.GetPageAsync("/Jobs");
            (await admin.SubmitAsync(page, new Dictionary<string, string> { ["job"] = JobNames.RaiseConversionPrompts }, "/Jobs?handler=Run")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            await finishing.WithinAsync(TimeSpan.FromSeconds(60));
        }
        var prompts = await QueryAsync(factory, db => db.ConversionPrompts.Count());
        var batches = await QueryAsync(factory, db => db.Placements.Count()) / 40;

        var digest = await factory.Inbox.WaitForAsync(e => e.IsTo(Recruiter) && e.Subject.Contains("permanent-conversion prompt", StringComparison.Ordinal), Patience);

        batches.ShouldBeGreaterThan(1, "the run is saved in several batches, each adding to the one digest");
        prompts.ShouldBeGreaterThan(10);
        digest.Subject.ShouldBe($"{prompts:N0} new permanent-conversion prompts");
        digest.Body.ShouldContain($"{prompts:N0} workers are ready to be offered a permanent post");
        digest.Body.ShouldContain($"{EmailingFactory.AppUrl}/Conversions");
        (await QueryAsync(factory, db => db.OutboxEmails.Count(e => e.DigestKey != null && e.To == Recruiter))).ShouldBe(1);
        factory.Inbox.Received.ShouldNotContain(e => e.IsTo(Manager) && e.Subject.Contains("permanent-conversion", StringComparison.Ordinal), "the digest is for recruiters");
    }

    /// <summary>A recruiter raises a requisition for Children's Social Care on its hiring manager's behalf and submits it.</summary>
    internal static async Task<int> SubmittedByRecruiterAsync(Connect2LutonFactory app, string title)
    {
        var recruiter = await app.SignedInAsAsync(Recruiter);
        var role = await QueryAsync(app, db => db.JobRoles.First(r => r.Title == "Social Worker (Children and Families)").Id);
        var form = RequisitionJourneyTests.ValidForm(role);
        form["Input.Title"] = title;
        form["Input.ServiceAreaId"] = (await QueryAsync(app, db => db.ServiceAreas.First(a => a.Code == "CSC").Id)).ToString();
        form["Input.HiringManagerId"] = (await QueryAsync(app, db => db.HiringManagers.First(m => m.Email == Manager).Id)).ToString();
        var raised = await recruiter.SubmitAsync(await recruiter.GetPageAsync("/Requisitions/New"), form);
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect, await raised.Content.ReadAsStringAsync());
        var location = raised.Headers.Location!.ToString();
        var page = await recruiter.GetPageAsync(location);
        (await recruiter.SubmitAsync(page, new Dictionary<string, string>(), $"{location}?handler=Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(location.Split('/').Last());
        (await QueryAsync(app, db => db.Requisitions.AsNoTracking().Single(r => r.Id == id).Status)).ShouldBe(RequisitionStatus.Submitted);
        return id;
    }

    internal static async Task<T> QueryAsync<T>(Connect2LutonFactory app, Func<AppDbContext, T> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>The mail server is down when a requisition is submitted: the submission is saved, and the email waits.</summary>
public sealed class EmailRetryTests(EmailingFactory.MailServerDownAtFirst factory) : IClassFixture<EmailingFactory.MailServerDownAtFirst>
{
    [Fact]
    public async Task With_the_mail_server_down_the_submission_is_saved_and_its_email_is_sent_once_the_server_is_back()
    {
        var attempts = new List<TaskCompletionSource<OutboxAttempt>> { new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously) };
        void OnAttempt(object? sender, OutboxAttempt attempt) => attempts.FirstOrDefault(a => !a.Task.IsCompleted)?.TrySetResult(attempt);
        factory.Sender.Attempted += OnAttempt;
        try
        {
            var id = await EmailTests.SubmittedByRecruiterAsync(factory, "Senior Practitioner, Fostering");
            var first = await attempts[0].Task.WaitAsync(TimeSpan.FromSeconds(60));

            first.Status.ShouldBe(OutboxEmailStatus.Queued, "a failed attempt is tried again");
            first.Error.ShouldNotBeNullOrEmpty();
            var jobs = await (await factory.SignedInAsAsync("admin@connect2luton.local")).GetPageAsync("/Jobs");
            jobs.Text("#emails-retrying").ShouldBe("1");
            jobs.Text("#emails-failed").ShouldBe("0");
            jobs.Text("#emails-last-error").ShouldNotBeNullOrWhiteSpace();

            await factory.Inbox.StartAsync();
            factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
            var email = await factory.Inbox.WaitForAsync(e => e.IsTo(EmailTests.Manager), TimeSpan.FromSeconds(30));
            var second = await attempts[1].Task.WaitAsync(TimeSpan.FromSeconds(30));

            email.Body.ShouldContain($"{EmailingFactory.AppUrl}/Requisitions/{id}");
            second.Status.ShouldBe(OutboxEmailStatus.Sent);
            var stored = await EmailTests.QueryAsync(factory, db => db.OutboxEmails.AsNoTracking().Single());
            stored.Attempts.ShouldBe(2);
            stored.SentAt.ShouldBe(factory.Clock.GetUtcNow());
            factory.Inbox.Received.Count.ShouldBe(1, "sent once, when the server was back");
        }
        finally
        {
            factory.Sender.Attempted -= OnAttempt;
        }
    }
}

/// <summary>Where no mail server is set up, nothing is queued: the app works as it did without email.</summary>
public sealed class NoMailServerTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task Without_a_mail_server_submitting_a_requisition_queues_no_email_and_admins_are_told_none_are_sent()
    {
        await EmailTests.SubmittedByRecruiterAsync(factory, "Social Worker, Leaving Care");

        (await EmailTests.QueryAsync(factory, db => db.OutboxEmails.Count())).ShouldBe(0);
        var jobs = await (await factory.SignedInAsAsync("admin@connect2luton.local")).GetPageAsync("/Jobs");
        jobs.Text("#emails").ShouldContain("No emails are sent: no mail server is set up");
    }
}
