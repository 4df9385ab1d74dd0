using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.SupplyChain;

public sealed class AgencySubmissionTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;
    private SupplyAgency _wardown = null!;
    private SupplyAgency _chiltern = null!;
    private Requisition _released = null!;
    private Requisition _unreleased = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _reference = await ReferenceData.SaveAsync(db);
        _wardown = new SupplyAgency("Wardown Social Work Recruitment", SupplyAgencyKind.LocalSupportingAgency, 0.14m, true, "DPS-LU-0107");
        _chiltern = new SupplyAgency("Chiltern Care Staffing", SupplyAgencyKind.LocalSupportingAgency, 0.15m, true, "DPS-LU-0112");
        _released = A.Requisition().In(_reference.Area.Id, _reference.Role.Id, _reference.Manager.Id).Open();
        _unreleased = A.Requisition().In(_reference.Area.Id, _reference.Role.Id, _reference.Manager.Id).Open();
        db.Add(_wardown, _chiltern, _released, _unreleased);
        await db.SaveAsync();
        var release = new SupplierRelease(_released.Id);
        release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(_wardown), 2)], "system", Clocks.Now, new string('a', 64));
        db.Add(release);
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_person_put_forward_by_one_agency_is_refused_to_another_without_naming_it_until_the_first_withdraws()
    {
        // Each agency keeps its own record of the same person: another email, the same phone written another way.
        var wardowns = await CandidateAsync(_wardown, "s.obrien@wardown.example", "07700 900123");
        var chilterns = await CandidateAsync(_chiltern, "siobhan.obrien@chiltern.example", "+44 7700 900123");

        var first = await SubmitAsync(_wardown, _released.Id, wardowns.Id);
        first.Status.ShouldBe(CommandStatus.Done);
        var second = await SubmitAsync(_chiltern, _released.Id, chilterns.Id);

        second.Errors[AgencySubmissions.WorkerField].ShouldBe("This person is already put forward for this role.");
        second.Errors.Values.ShouldAllBe(m => !m.Contains("Wardown", StringComparison.Ordinal));
        (await SubmitAsync(_wardown, _released.Id, wardowns.Id)).Errors[AgencySubmissions.WorkerField].ShouldBe(AgencySubmissions.AlreadyPutForward);

        var mine = await QueryAsync(_wardown, q => q.OfAgencyAsync(_released.Id, new PageRequest(1), default));
        (await RunAsync(_wardown, s => s.WithdrawAsync(first.Id, mine!.Items.Single().Version, "Took a permanent job elsewhere", default))).Status.ShouldBe(CommandStatus.Done);
        (await SubmitAsync(_chiltern, _released.Id, chilterns.Id)).Status.ShouldBe(CommandStatus.Done);

        (await QueryAsync(_chiltern, q => q.OfAgencyAsync(null, new PageRequest(1), default)))!.Items.ShouldHaveSingleItem().Status.ShouldBe(SubmissionStatus.Received);
    }

    [Fact]
    public async Task Someone_the_council_keeps_in_its_pool_is_refused_as_already_put_forward_by_any_way_they_are_recognised_and_nothing_is_kept()
    {
        var pooled = await PersonAsync(null, "Niamh", "Kelly", "niamh.kelly@luton.example", "01582 546000", new DateOnly(1985, 6, 15), "SW0445566");
        var byEmail = await PersonAsync(_wardown, "N", "Kelly-Smith", "NIAMH.KELLY@luton.example", "07700 900401", new DateOnly(1985, 6, 16), null);
        var byPhone = await PersonAsync(_wardown, "Nia", "Kelly", "nia@wardown.example", "+44 1582 546000", new DateOnly(1985, 6, 16), null);
        var byRegistration = await PersonAsync(_chiltern, "Niamh", "Kelley", "nk@chiltern.example", "07700 900402", new DateOnly(1985, 6, 16), "445566");
        var byNameAndBirth = await PersonAsync(_chiltern, "NIAMH", "Kelly", "niamh@chiltern.example", "07700 900403", new DateOnly(1985, 6, 15), null);

        foreach (var (agency, candidate, way) in new[] { (_wardown, byEmail, "email"), (_wardown, byPhone, "phone"), (_chiltern, byRegistration, "registration"), (_chiltern, byNameAndBirth, "name and date of birth") })
        {
            var refused = await SubmitAsync(agency, _released.Id, candidate.Id);
            refused.Errors[AgencySubmissions.WorkerField].ShouldBe(AgencySubmissions.AlreadyPutForward, way);
        }
        await using (var db = TestData.Open(_database))
        {
            (await db.ListAsync<Submission>(_ => true)).ShouldBeEmpty();
            (await db.ListAsync<CandidateClaim>(_ => true)).ShouldBeEmpty();
        }
        // Gone from the pool (deactivated, or converted to a permanent post), they may be put forward.
        await PersonAsync(null, "Ciara", "Byrne", "ciara.byrne@luton.example", "01582 546001", new DateOnly(1979, 1, 2), null, active: false);
        var formerlyPooled = await PersonAsync(_wardown, "Ciara", "Byrne", "ciara.byrne@luton.example", "07700 900404", new DateOnly(1979, 1, 2), null);
        (await SubmitAsync(_wardown, _released.Id, formerlyPooled.Id)).Status.ShouldBe(CommandStatus.Done);
        pooled.KeptByAgency.ShouldBeFalse();
    }

    /// <summary>A record of a person with all their checks: one the agency keeps, or (no agency) one the council keeps in its pool.</summary>
    private async Task<Worker> PersonAsync(SupplyAgency? agency, string first, string last, string email, string phone, DateOnly born, string? registration, DbsLevel? dbs = null, bool active = true)
    {
        await using var db = TestData.Open(_database);
        var worker = A.Worker().InFamily(_reference.Role.JobFamily).SuppliedBy(agency?.Id ?? _reference.Agency.Id).WithChecks().Build();
        worker.Update(new WorkerProfile(first, last, email, phone, UkPostcode.Parse("LU2 7AB"), worker.JobFamily, agency?.Id ?? _reference.Agency.Id, new DateOnly(2015, 7, 1), false, null, born));
        if (registration is not null) worker.RecordRegistration(new ProfessionalRegistration(RegistrationBody.SocialWorkEngland, registration, new DateOnly(2028, 6, 30)));
        if (agency is not null) worker.KeepByAgency();
        if (dbs is { } level) worker.RecordDbs(new DbsCheck(new DateOnly(2025, 3, 3), level, "001234567891", onUpdateService: true));
        if (!active) worker.Deactivate();
        db.Add(worker);
        await db.SaveAsync();
        return worker;
    }

    [Fact]
    public async Task Two_agencies_putting_one_person_forward_at_the_same_moment_leave_one_submission()
    {
        for (var round = 0; round < 10; round++)
        {
            var wardowns = await CandidateAsync(_wardown, $"person{round}@wardown.example", $"07700 90{round:0000}", lastName: $"Round{round}");
            var chilterns = await CandidateAsync(_chiltern, $"person{round}@chiltern.example", $"07700 90{round:0000}", lastName: $"Round{round}");

            var results = await Task.WhenAll(SubmitAsync(_wardown, _released.Id, wardowns.Id), SubmitAsync(_chiltern, _released.Id, chilterns.Id));

            results.Count(r => r.Status == CommandStatus.Done).ShouldBe(1, $"round {round}");
            results.Single(r => r.Status != CommandStatus.Done).Errors[AgencySubmissions.WorkerField].ShouldBe(AgencySubmissions.AlreadyPutForward);
        }
        await using var db = TestData.Open(_database);
        (await db.ListAsync<Submission>(s => s.RequisitionId == _released.Id)).Count.ShouldBe(10);
    }

    [Fact]
    public async Task An_agency_finds_only_what_is_released_to_it_and_puts_forward_only_its_own_candidates_with_their_checks()
    {
        var wardowns = await CandidateAsync(_wardown, "amy@wardown.example", "07700 900200", lastName: "Amis");
        var unchecked_ = await CandidateAsync(_wardown, "ben@wardown.example", "07700 900201", checks: false, lastName: "Bennett");
        var chilterns = await CandidateAsync(_chiltern, "cat@chiltern.example", "07700 900202", lastName: "Carter");

        (await SubmitAsync(_wardown, _unreleased.Id, wardowns.Id)).Status.ShouldBe(CommandStatus.NotFound);
        (await QueryRequisitionsAsync(_wardown, q => q.DetailsAsync(_unreleased.Id, default))).ShouldBeNull();
        (await QueryRequisitionsAsync(_wardown, q => q.TakingCandidatesAsync(new PageRequest(1), default)))!.Items.Select(r => r.Id).ShouldBe([_released.Id]);
        (await SubmitAsync(_wardown, _released.Id, chilterns.Id)).Errors[AgencySubmissions.WorkerField].ShouldBe("Select one of your agency's candidates");
        var notYet = (await SubmitAsync(_wardown, _released.Id, unchecked_.Id)).Errors[AgencySubmissions.WorkerField];
        notYet.ShouldStartWith("Siobhán Bennett cannot be put forward yet:");
        notYet.ShouldContain("no right-to-work check recorded");
        notYet.ShouldContain("Social Work England registration");
        notYet.ShouldContain("no DBS certificate is recorded");

        await using var db = TestData.Open(_database);
        (await db.ListAsync<Submission>(_ => true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_candidate_whose_DBS_certificate_is_below_the_level_the_role_needs_is_refused_beside_the_candidate_and_nothing_is_kept()
    {
        Requisition vacancy;
        await using (var db = TestData.Open(_database))
        {
            var role = new JobRole("Residential Care Worker (Children)", JobFamily.SocialCare, "C", 25_185m, 26_409m, RegistrationBody.None, null, isInterim: false, DbsLevel.EnhancedWithBarredLists);
            db.Add(role);
            await db.SaveAsync();
            vacancy = A.Requisition().In(_reference.Area.Id, role.Id, _reference.Manager.Id).Open();
            db.Add(vacancy);
            await db.SaveAsync();
            var release = new SupplierRelease(vacancy.Id);
            release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(_wardown), 2)], "system", Clocks.Now, new string('b', 64));
            db.Add(release);
            await db.SaveAsync();
        }
        var basic = await PersonAsync(_wardown, "Ama", "Mensah", "ama@wardown.example", "07700 900501", new DateOnly(1992, 3, 4), null, DbsLevel.Basic);
        var enhanced = await PersonAsync(_wardown, "Kofi", "Mensah", "kofi@wardown.example", "07700 900502", new DateOnly(1991, 3, 4), null, DbsLevel.Enhanced);
        var barred = await PersonAsync(_wardown, "Esi", "Mensah", "esi@wardown.example", "07700 900503", new DateOnly(1990, 3, 4), null, DbsLevel.EnhancedWithBarredLists);

        (await SubmitAsync(_wardown, vacancy.Id, basic.Id)).Errors[AgencySubmissions.WorkerField]
            .ShouldBe("Ama Mensah cannot be put forward yet: Residential Care Worker (Children) needs an enhanced DBS certificate with the barred lists, and Ama Mensah's certificate is basic");
        (await SubmitAsync(_wardown, vacancy.Id, enhanced.Id)).Errors[AgencySubmissions.WorkerField].ShouldContain("Kofi Mensah's certificate is enhanced");
        await using (var db = TestData.Open(_database))
            (await db.ListAsync<Submission>(_ => true)).ShouldBeEmpty();
        (await SubmitAsync(_wardown, vacancy.Id, barred.Id)).Status.ShouldBe(CommandStatus.Done);
    }

    [Fact]
    public async Task A_recruiter_shortlists_one_agency_candidate_and_declines_another_with_a_reason_the_agency_reads()
    {
        var amy = await CandidateAsync(_wardown, "amy@wardown.example", "07700 900300", lastName: "Amis");
        var cat = await CandidateAsync(_chiltern, "cat@chiltern.example", "07700 900301", lastName: "Carter");
        var amys = (await SubmitAsync(_wardown, _released.Id, amy.Id)).Id;
        var cats = (await SubmitAsync(_chiltern, _released.Id, cat.Id)).Id;
        var manager = new TestUser(_reference.Manager.Email, [Connect2Luton.Application.Common.Identity.Roles.HiringManager], _reference.Area.Id);

        (await DecideAsync(manager, d => d.ShortlistAsync(_released.Id, amys, 0, default))).Status.ShouldBe(CommandStatus.Forbidden);
        (await DecideAsync(TestUser.Recruiter, d => d.ShortlistAsync(_unreleased.Id, amys, 0, default))).Status.ShouldBe(CommandStatus.NotFound);
        (await DecideAsync(TestUser.Recruiter, d => d.ShortlistAsync(_released.Id, amys, 0, default))).Status.ShouldBe(CommandStatus.Done);
        (await DecideAsync(TestUser.Recruiter, d => d.DeclineAsync(_released.Id, cats, 0, " ", default))).Errors["Reason"].ShouldStartWith("Enter why");
        (await DecideAsync(TestUser.Recruiter, d => d.DeclineAsync(_released.Id, cats, 0, "Needs two years in child protection", default))).Status.ShouldBe(CommandStatus.Done);

        await using var db = TestData.Open(_database);
        (await db.SingleAsync<Requisition>(r => r.Id == _released.Id, nameof(Requisition.Shortlist))).Shortlist.ShouldHaveSingleItem().WorkerId.ShouldBe(amy.Id);
        (await QueryAsync(_chiltern, q => q.OfAgencyAsync(null, new PageRequest(1), default)))!.Items.Single()
            .ShouldSatisfyAllConditions(s => s.Status.ShouldBe(SubmissionStatus.NotTakenForward), s => s.Reason.ShouldBe("Needs two years in child protection"));
        (await QueryAsync(_wardown, q => q.OfAgencyAsync(null, new PageRequest(1), default)))!.Items.Single().Status.ShouldBe(SubmissionStatus.Shortlisted);
    }

    private async Task<CommandResult> DecideAsync(TestUser user, Func<SubmissionDecisions, Task<CommandResult>> command)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<SubmissionDecisions>());
    }

    private async Task<Worker> CandidateAsync(SupplyAgency agency, string email, string phone, bool checks = true, string lastName = "O'Brien")
    {
        await using var db = TestData.Open(_database);
        var builder = A.Worker().InFamily(_reference.Role.JobFamily).SuppliedBy(agency.Id).BornOn(new DateOnly(1990, 2, 1));
        var worker = (checks ? builder.WithChecks() : builder).Build();
        worker.Update(new WorkerProfile("Siobhán", lastName, email, phone, UkPostcode.Parse("LU2 7AB"), worker.JobFamily, agency.Id, new DateOnly(2015, 7, 1), false, null, new DateOnly(1990, 2, 1)));
        worker.KeepByAgency();
        db.Add(worker);
        await db.SaveAsync();
        return worker;
    }

    private Task<CommandResult> SubmitAsync(SupplyAgency agency, int requisitionId, int workerId) =>
        RunAsync(agency, s => s.SubmitAsync(requisitionId, workerId, default));

    private async Task<CommandResult> RunAsync(SupplyAgency agency, Func<AgencySubmissions, Task<CommandResult>> command)
    {
        await using var services = TestServices.For(_database, user: TestUser.AgencyStaff(agency.Id, $"staff@{agency.Id}.example"));
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<AgencySubmissions>());
    }

    private async Task<T> QueryAsync<T>(SupplyAgency agency, Func<SubmissionQueries, Task<T>> query)
    {
        await using var services = TestServices.For(_database, user: TestUser.AgencyStaff(agency.Id));
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SubmissionQueries>());
    }

    private async Task<T> QueryRequisitionsAsync<T>(SupplyAgency agency, Func<AgencyRequisitionQueries, Task<T>> query)
    {
        await using var services = TestServices.For(_database, user: TestUser.AgencyStaff(agency.Id));
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AgencyRequisitionQueries>());
    }
}
