using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.SupplyChain;

/// <summary>
/// A candidate put forward must stay someone who could be: their agency's edits are held to the vacancies they wait
/// on, a recruiter's shortlisting asks again, and the shortlist's checks show a DBS certificate below the role's level.
/// </summary>
public sealed class StillSuitableTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;
    private SupplyAgency _wardown = null!;
    private Requisition _vacancy = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        // Outside the DfE rules, on the Social Work England register and needing the barred lists.
        var role = new JobRole("Residential Social Worker (Children)", JobFamily.SocialCare, "E", 39_027m, 44_463m, RegistrationBody.SocialWorkEngland, null,
            isInterim: false, DbsLevel.EnhancedWithBarredLists);
        _reference = await ReferenceData.SaveAsync(db, A.ServiceArea("RES"), role);
        _wardown = new SupplyAgency("Wardown Social Work Recruitment", SupplyAgencyKind.LocalSupportingAgency, 0.14m, true, "DPS-LU-0107");
        _vacancy = A.Requisition().In(_reference.Area.Id, role.Id, _reference.Manager.Id).Open();
        db.Add(_wardown, _vacancy);
        await db.SaveAsync();
        var release = new SupplierRelease(_vacancy.Id);
        release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(_wardown), 2)], "system", Clocks.Now, new string('a', 64));
        db.Add(release);
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_agency_cannot_edit_a_candidate_waiting_on_a_vacancy_into_someone_it_could_not_take_and_nothing_is_saved_until_they_are_withdrawn()
    {
        var ama = await CandidateAsync("Mensah");
        var submission = (await SubmitAsync(ama.Id)).Id;
        var waitingOn = $"Siobhán Mensah is put forward for {_vacancy.Title} from {_vacancy.StartDate:d MMMM yyyy}, which";

        var lowered = await EditAsync(ama.Id, Input(ama) with { DbsLevel = DbsLevel.Basic });
        var elsewhere = await EditAsync(ama.Id, Input(ama) with { JobFamily = JobFamily.Catering, RegistrationBody = RegistrationBody.None, RegistrationNumber = null, RegistrationExpiresOn = null });

        lowered.Status.ShouldBe(CommandStatus.Invalid);
        lowered.Errors[nameof(WorkerInput.DbsLevel)].ShouldBe($"{waitingOn} needs an enhanced DBS certificate with the barred lists: withdraw them from it first, or keep their certificate");
        elsewhere.Errors[nameof(WorkerInput.JobFamily)].ShouldBe($"{waitingOn} is for Residential Social Worker (Children), in another job family: withdraw them from it first, or keep their job family");
        elsewhere.Errors[nameof(WorkerInput.RegistrationBody)].ShouldBe($"{waitingOn} needs Social Work England registration from its start: withdraw them from it first, or keep their registration");
        await using (var db = TestData.Open(_database))
        {
            var kept = await db.SingleAsync<Worker>(w => w.Id == ama.Id);
            (kept.Dbs!.Level, kept.JobFamily, kept.Registration is null, kept.Version).ShouldBe((DbsLevel.EnhancedWithBarredLists, JobFamily.SocialCare, false, ama.Version));
        }

        (await RunAsync<AgencySubmissions>(Staff, s => s.WithdrawAsync(submission, 0, "Moving to catering", default))).Status.ShouldBe(CommandStatus.Done);
        (await EditAsync(ama.Id, Input(ama) with { DbsLevel = DbsLevel.Basic, JobFamily = JobFamily.Catering })).Status.ShouldBe(CommandStatus.Done);
    }

    [Fact]
    public async Task A_recruiter_cannot_shortlist_a_candidate_whose_record_no_longer_lets_them_be_put_forward()
    {
        var ama = await CandidateAsync("Mensah");
        var submission = (await SubmitAsync(ama.Id)).Id;
        // As an edit before edits were held to the vacancy left them: put forward, then their certificate lowered.
        await using (var db = TestData.Open(_database))
        {
            var worker = await db.SingleAsync<Worker>(w => w.Id == ama.Id);
            worker.RecordDbs(new DbsCheck(new DateOnly(2025, 6, 1), DbsLevel.Basic, "001234567899", onUpdateService: false));
            db.Update(worker);
            await db.SaveAsync();
        }

        var refused = await RunAsync<SubmissionDecisions>(TestUser.Recruiter, d => d.ShortlistAsync(_vacancy.Id, submission, 0, default));

        refused.Status.ShouldBe(CommandStatus.Conflict);
        refused.Message.ShouldBe("Siobhán Mensah cannot be shortlisted: Residential Social Worker (Children) needs an enhanced DBS certificate with the barred lists, and Siobhán Mensah's certificate is basic. Their agency can update their record, or you can choose not to take them forward.");
        await using (var db = TestData.Open(_database))
        {
            (await db.SingleAsync<Submission>(s => s.Id == submission)).Status.ShouldBe(SubmissionStatus.Received);
            (await db.SingleAsync<Requisition>(r => r.Id == _vacancy.Id, nameof(Requisition.Shortlist))).Shortlist.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task The_shortlist_says_what_would_refuse_or_warn_of_a_booking_into_the_role_a_DBS_below_its_level_another_register_or_permission_ending_before_the_start()
    {
        Worker Pooled(string lastName)
        {
            var worker = A.Worker().InFamily(JobFamily.SocialCare).SuppliedBy(_reference.Agency.Id).Named(lastName).WithChecks().Build();
            worker.RecordDbs(new DbsCheck(new DateOnly(2025, 6, 1), DbsLevel.Basic, "001234567898", onUpdateService: false));
            return worker;
        }
        var onList = Pooled("Owusu");
        var offered = Pooled("Asante");
        var inOrder = A.Worker().InFamily(JobFamily.SocialCare).SuppliedBy(_reference.Agency.Id).Named("Boateng").WithChecks().Build();
        // Registered, but with the HCPC where the role needs Social Work England: a booking would be refused.
        var otherRegister = A.Worker().InFamily(JobFamily.SocialCare).SuppliedBy(_reference.Agency.Id).Named("Darko").WithChecks().Build();
        otherRegister.RecordRegistration(new ProfessionalRegistration(RegistrationBody.HealthAndCareProfessionsCouncil, "OT123456", new DateOnly(2028, 6, 30)));
        // Permission to work ending before the vacancy starts.
        var leaving = A.Worker().InFamily(JobFamily.SocialCare).SuppliedBy(_reference.Agency.Id).Named("Mensah").WithChecks().Build();
        leaving.RecordRightToWork(new RightToWorkCheck(new DateOnly(2024, 1, 8), _vacancy.StartDate.AddDays(-1)));
        await using (var db = TestData.Open(_database))
        {
            db.Add(onList, offered, inOrder, otherRegister, leaving);
            await db.SaveAsync();
        }
        (await RunAsync<ShortlistCommands>(TestUser.Recruiter, s => s.AddAsync(_vacancy.Id, 0, onList.Id, default))).Status.ShouldBe(CommandStatus.Done);

        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        var page = (await scope.ServiceProvider.GetRequiredService<ShortlistQueries>().GetAsync(_vacancy.Id, new PageRequest(1), default)).ShouldNotBeNull();

        var shortlisted = page.Shortlisted.ShouldHaveSingleItem();
        shortlisted.ChecksNeedAttention.ShouldBeTrue();
        shortlisted.Shortfall.ShouldBe($"Residential Social Worker (Children) needs an enhanced DBS certificate with the barred lists, and {onList.FullName}'s certificate is basic");
        page.Candidates.Single(c => c.WorkerId == offered.Id).ShouldSatisfyAllConditions(c => c.ChecksNeedAttention.ShouldBeTrue(), c => c.Shortfall.ShouldNotBeNull());
        page.Candidates.Single(c => c.WorkerId == inOrder.Id).ShouldSatisfyAllConditions(c => c.ChecksNeedAttention.ShouldBeFalse(), c => c.Shortfall.ShouldBeNull());
        page.Candidates.Single(c => c.WorkerId == otherRegister.Id).ShouldSatisfyAllConditions(c => c.ChecksNeedAttention.ShouldBeTrue(),
            c => c.Shortfall.ShouldBe($"Residential Social Worker (Children) needs Social Work England registration, and {otherRegister.FullName} is registered with HCPC instead"));
        page.Candidates.Single(c => c.WorkerId == leaving.Id).ShouldSatisfyAllConditions(c => c.ChecksNeedAttention.ShouldBeTrue(),
            c => c.Shortfall.ShouldBe($"{leaving.FullName}'s permission to work in the UK ends on {_vacancy.StartDate.AddDays(-1):d MMMM yyyy}, before the start"));
    }

    private TestUser Staff => TestUser.AgencyStaff(_wardown.Id, "staff@wardown.example");

    /// <summary>The candidate's record as the edit form would post it unchanged.</summary>
    private static WorkerInput Input(Worker w) =>
        new(w.FirstName, w.LastName, w.Email, w.Phone, w.Postcode, w.JobFamily, w.SupplyAgencyId, w.QualifiedOn, w.OpenToPermanentJob, null, null,
            w.RightToWork!.CheckedOn, w.RightToWork.ExpiresOn, w.Dbs!.IssuedOn, w.Dbs.Level, w.Dbs.CertificateNumber, w.Dbs.OnUpdateService, w.Dbs.StatusCheckedOn,
            w.Registration!.Body, w.Registration.Number, w.Registration.ExpiresOn, w.DateOfBirth);

    private Task<CommandResult> EditAsync(int id, WorkerInput input) =>
        RunAsync<AgencyCandidates>(Staff, async c =>
        {
            await using var db = TestData.Open(_database);
            return await c.UpdateAsync(id, (await db.SingleAsync<Worker>(w => w.Id == id)).Version, input, default);
        });

    private async Task<Worker> CandidateAsync(string lastName)
    {
        await using var db = TestData.Open(_database);
        var worker = A.Worker().InFamily(JobFamily.SocialCare).SuppliedBy(_wardown.Id).BornOn(new DateOnly(1990, 2, 1)).WithChecks().Build();
        worker.Update(new WorkerProfile("Siobhán", lastName, $"{lastName.ToLowerInvariant()}@wardown.example", "07700 900700", UkPostcode.Parse("LU2 7AB"), JobFamily.SocialCare,
            _wardown.Id, new DateOnly(2015, 7, 1), false, null, new DateOnly(1990, 2, 1)));
        worker.KeepByAgency();
        db.Add(worker);
        await db.SaveAsync();
        return worker;
    }

    private Task<CommandResult> SubmitAsync(int workerId) => RunAsync<AgencySubmissions>(Staff, s => s.SubmitAsync(_vacancy.Id, workerId, default));

    private async Task<CommandResult> RunAsync<TService>(TestUser user, Func<TService, Task<CommandResult>> command) where TService : notnull
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
