using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Reports;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.SupplyChain;

/// <summary>
/// When the council stops considering an agency's candidate (taken off the shortlist, or the vacancy cancelled), the
/// agency reads that they were not taken forward and why, saved with the change itself.
/// </summary>
public sealed class SubmissionClosingTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;
    private SupplyAgency _wardown = null!;
    private Requisition _requisition = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _reference = await ReferenceData.SaveAsync(db);
        _wardown = new SupplyAgency("Wardown Social Work Recruitment", SupplyAgencyKind.LocalSupportingAgency, 0.14m, true, "DPS-LU-0107");
        _requisition = A.Requisition().In(_reference.Area.Id, _reference.Role.Id, _reference.Manager.Id).Open();
        db.Add(_wardown, _requisition);
        await db.SaveAsync();
        var release = new SupplierRelease(_requisition.Id);
        release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(_wardown), 2)], "system", Clocks.Now, new string('a', 64));
        db.Add(release);
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_shortlisted_agency_candidate_taken_off_the_shortlist_is_not_taken_forward_with_the_reason_their_agency_reads()
    {
        var amy = await CandidateAsync("amy@wardown.example", "07700 900400", "Amis");
        var submission = (await SubmitAsync(amy.Id)).Id;
        (await RunAsync<SubmissionDecisions>(TestUser.Recruiter, d => d.ShortlistAsync(_requisition.Id, submission, 0, default))).Status.ShouldBe(CommandStatus.Done);

        var removed = await RunAsync<ShortlistCommands>(TestUser.Recruiter, async s =>
            await s.RemoveAsync(_requisition.Id, await RequisitionVersionAsync(), amy.Id, "Not suitable after interview", default));

        removed.Status.ShouldBe(CommandStatus.Done);
        var theirs = (await AgencyViewAsync()).ShouldHaveSingleItem();
        theirs.Status.ShouldBe(SubmissionStatus.NotTakenForward);
        theirs.Reason.ShouldBe("Not suitable after interview");
        theirs.CanWithdraw.ShouldBeFalse();
        (await RunAsync<SubmissionQueries, IReadOnlyList<PutForward>>(TestUser.Recruiter, q => q.ForRequisitionAsync(_requisition.Id, default)))
            .ShouldHaveSingleItem().Status.ShouldBe(SubmissionStatus.NotTakenForward);
        (await ShortlistedInReportAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Cancelling_a_requisition_leaves_its_waiting_and_shortlisted_candidates_not_taken_forward_saying_the_council_cancelled_it()
    {
        var amy = await CandidateAsync("amy@wardown.example", "07700 900500", "Amis");
        var ben = await CandidateAsync("ben@wardown.example", "07700 900501", "Bennett");
        var cat = await CandidateAsync("cat@wardown.example", "07700 900502", "Carter");
        var shortlisted = (await SubmitAsync(amy.Id)).Id;
        var waiting = (await SubmitAsync(ben.Id)).Id;
        var withdrawn = (await SubmitAsync(cat.Id)).Id;
        (await RunAsync<SubmissionDecisions>(TestUser.Recruiter, d => d.ShortlistAsync(_requisition.Id, shortlisted, 0, default))).Status.ShouldBe(CommandStatus.Done);
        (await RunAsync<AgencySubmissions>(Staff, s => s.WithdrawAsync(withdrawn, 0, "Took a permanent job", default))).Status.ShouldBe(CommandStatus.Done);

        var cancelled = await RunAsync<RequisitionCommands>(TestUser.Recruiter, async c =>
            await c.CancelAsync(_requisition.Id, await RequisitionVersionAsync(), "The service has appointed someone permanently", default));

        cancelled.Status.ShouldBe(CommandStatus.Done);
        var theirs = (await AgencyViewAsync()).ToDictionary(s => s.Id);
        foreach (var id in new[] { shortlisted, waiting })
        {
            theirs[id].Status.ShouldBe(SubmissionStatus.NotTakenForward);
            theirs[id].Reason.ShouldBe("The council cancelled this vacancy: The service has appointed someone permanently");
            theirs[id].CanWithdraw.ShouldBeFalse();
        }
        theirs[withdrawn].Status.ShouldBe(SubmissionStatus.Withdrawn);
        theirs[withdrawn].Reason.ShouldBe("Took a permanent job");
        (await ShortlistedInReportAsync()).ShouldBe(0);
    }

    [Fact]
    public void A_cancellation_reason_too_long_to_pass_on_whole_is_cut_to_fit()
    {
        var reason = SubmissionClosing.CancelledBecause(new string('x', Domain.Common.Limits.Reason));

        reason.Length.ShouldBe(Domain.Common.Limits.Reason);
        reason.ShouldStartWith("The council cancelled this vacancy: xxx");
        reason.ShouldEndWith("…");
        // Cut between whole characters: an emoji across the limit is left out whole, never half of it kept.
        var emoji = SubmissionClosing.CancelledBecause(new string('x', Domain.Common.Limits.Reason - 40) + string.Concat(Enumerable.Repeat("\U0001F600", 30)));
        emoji.Length.ShouldBeLessThanOrEqualTo(Domain.Common.Limits.Reason);
        emoji.ShouldEndWith("\U0001F600…");
        emoji.Where(char.IsSurrogate).Count().ShouldBe(emoji.Count(char.IsHighSurrogate) * 2);
    }

    private TestUser Staff => TestUser.AgencyStaff(_wardown.Id, "staff@wardown.example");

    private async Task<IReadOnlyList<AgencySubmission>> AgencyViewAsync() =>
        (await RunAsync<SubmissionQueries, PagedResult<AgencySubmission>?>(Staff, q => q.OfAgencyAsync(null, new PageRequest(1), default)))!.Items;

    private async Task<int> ShortlistedInReportAsync()
    {
        var report = await RunAsync<SupplierPerformanceReport, SupplierPerformanceFigures>(TestUser.Recruiter,
            r => r.GetAsync(Clocks.Today.AddDays(-7), Clocks.Today, null, default));
        return report.Tiers.SelectMany(t => t.Agencies).Single(a => a.SupplyAgencyId == _wardown.Id).Figures.Shortlisted;
    }

    private async Task<int> RequisitionVersionAsync()
    {
        await using var db = TestData.Open(_database);
        return (await db.SingleAsync<Requisition>(r => r.Id == _requisition.Id)).Version;
    }

    private async Task<Worker> CandidateAsync(string email, string phone, string lastName)
    {
        await using var db = TestData.Open(_database);
        var worker = A.Worker().InFamily(_reference.Role.JobFamily).SuppliedBy(_wardown.Id).BornOn(new DateOnly(1990, 2, 1)).WithChecks().Build();
        worker.Update(new WorkerProfile("Siobhán", lastName, email, phone, UkPostcode.Parse("LU2 7AB"), worker.JobFamily, _wardown.Id, new DateOnly(2015, 7, 1), false, null, new DateOnly(1990, 2, 1)));
        worker.KeepByAgency();
        db.Add(worker);
        await db.SaveAsync();
        return worker;
    }

    private Task<CommandResult> SubmitAsync(int workerId) => RunAsync<AgencySubmissions>(Staff, s => s.SubmitAsync(_requisition.Id, workerId, default));

    private Task<CommandResult> RunAsync<TService>(TestUser user, Func<TService, Task<CommandResult>> command) where TService : notnull =>
        RunAsync<TService, CommandResult>(user, command);

    private async Task<T> RunAsync<TService, T>(TestUser user, Func<TService, Task<T>> call) where TService : notnull
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
