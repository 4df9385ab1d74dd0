using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Placements.Booking;
using Connect2Luton.Application.Placements.Changes;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.SupplyChain;

/// <summary>
/// The booking that fills a vacancy's last position tells the agencies whose candidates still wait on it that they
/// are not taken forward, in the same save; called off, only the booked candidate goes back.
/// </summary>
public sealed class VacancyFilledTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private SupplyAgency _wardown = null!;
    private Requisition _requisition = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        var reference = await ReferenceData.SaveAsync(db, A.ServiceArea("HOU", childrens: false), A.Role(JobFamily.Housing));
        _wardown = new SupplyAgency("Wardown Social Work Recruitment", SupplyAgencyKind.LocalSupportingAgency, 0.14m, true, "DPS-LU-0107");
        _requisition = A.Requisition().In(reference.Area.Id, reference.Role.Id, reference.Manager.Id).ForPositions(2).Open();
        db.Add(_wardown, _requisition);
        await db.SaveAsync();
        var release = new SupplierRelease(_requisition.Id);
        release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(_wardown), 2)], "system", Clocks.Now, new string('a', 64));
        db.Add(release);
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Booking_the_last_position_leaves_the_candidates_still_waiting_not_taken_forward_and_calling_it_off_puts_back_only_the_one_booked()
    {
        var (amy, ben, cat, dan) = (await CandidateAsync("Amis", "07700 900600"), await CandidateAsync("Bennett", "07700 900601"),
            await CandidateAsync("Carter", "07700 900602"), await CandidateAsync("Dixon", "07700 900603"));
        var submitted = new Dictionary<Worker, int>();
        foreach (var candidate in new[] { amy, ben, cat, dan }) submitted[candidate] = (await SubmitAsync(candidate.Id)).Id;
        foreach (var candidate in new[] { amy, ben, cat })
            (await RunAsync<SubmissionDecisions>(TestUser.Recruiter, d => d.ShortlistAsync(_requisition.Id, submitted[candidate], 0, default))).Status.ShouldBe(CommandStatus.Done);

        (await BookAsync(amy)).Status.ShouldBe(CommandStatus.Done);
        (await StatusesAsync())[submitted[cat]].Status.ShouldBe(SubmissionStatus.Shortlisted, "one position is still open");
        var filling = await BookAsync(ben);

        filling.Status.ShouldBe(CommandStatus.Done);
        var filled = await StatusesAsync();
        filled[submitted[amy]].Status.ShouldBe(SubmissionStatus.Placed);
        filled[submitted[ben]].Status.ShouldBe(SubmissionStatus.Placed);
        foreach (var waiting in new[] { cat, dan })
        {
            filled[submitted[waiting]].Status.ShouldBe(SubmissionStatus.NotTakenForward);
            filled[submitted[waiting]].Reason.ShouldBe(SubmissionClosing.Filled);
        }
        var requisition = await RequisitionAsync();
        requisition.Status.ShouldBe(RequisitionStatus.Filled);
        requisition.Shortlist.Single(e => e.WorkerId == cat.Id).Status.ShouldBe(ShortlistEntryStatus.Removed);

        (await CallOffAsync(filling.Id)).Status.ShouldBe(CommandStatus.Done);

        var reopened = await StatusesAsync();
        reopened[submitted[ben]].Status.ShouldBe(SubmissionStatus.Shortlisted);
        reopened[submitted[cat]].Status.ShouldBe(SubmissionStatus.NotTakenForward, "their agency was told; they stay closed");
        reopened[submitted[dan]].Status.ShouldBe(SubmissionStatus.NotTakenForward);
        requisition = await RequisitionAsync();
        requisition.Status.ShouldBe(RequisitionStatus.Open);
        requisition.Shortlist.Single(e => e.WorkerId == cat.Id).Status.ShouldBe(ShortlistEntryStatus.Removed);
    }

    private async Task<Dictionary<int, Submission>> StatusesAsync()
    {
        await using var db = TestData.Open(_database);
        return (await db.ListAsync<Submission>(s => s.RequisitionId == _requisition.Id)).ToDictionary(s => s.Id);
    }

    private async Task<Requisition> RequisitionAsync()
    {
        await using var db = TestData.Open(_database);
        return await db.SingleAsync<Requisition>(r => r.Id == _requisition.Id, nameof(Requisition.Shortlist));
    }

    private async Task<CommandResult> BookAsync(Worker worker)
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        var booking = await scope.ServiceProvider.GetRequiredService<BookingCases>().LoadAsync(_requisition.Id, worker.Id, forUpdate: true, CancellationToken.None);
        var start = _requisition.StartDate;
        var input = new PlacementProposalInput(_requisition.Id, worker.Id, 16.50m, 37m, start, start.AddDays(90), null);
        var outcome = await scope.ServiceProvider.GetRequiredService<PlacementBookingCommands>().BookAsync(booking, input, booking!.Requisition.Version, CancellationToken.None);
        outcome.Result.Status.ShouldBe(CommandStatus.Done, string.Join("; ", outcome.Result.Errors.Values.Append(outcome.Result.Message ?? string.Empty)));
        return outcome.Result;
    }

    private async Task<CommandResult> CallOffAsync(int placementId)
    {
        int version;
        await using (var db = TestData.Open(_database))
            version = (await db.SingleAsync<Placement>(p => p.Id == placementId)).Version;
        return await RunAsync<PlacementChangeCommands>(TestUser.Recruiter, c => c.EndAsync(placementId, version, null, "The worker took a permanent post elsewhere", default));
    }

    private async Task<Worker> CandidateAsync(string lastName, string phone)
    {
        await using var db = TestData.Open(_database);
        var worker = A.Worker().InFamily(JobFamily.Housing).SuppliedBy(_wardown.Id).BornOn(new DateOnly(1990, 2, 1)).WithChecks().Build();
        worker.Update(new WorkerProfile("Siobhán", lastName, $"{lastName.ToLowerInvariant()}@wardown.example", phone, UkPostcode.Parse("LU2 7AB"), JobFamily.Housing,
            _wardown.Id, new DateOnly(2015, 7, 1), false, null, new DateOnly(1990, 2, 1)));
        worker.KeepByAgency();
        db.Add(worker);
        await db.SaveAsync();
        return worker;
    }

    private Task<CommandResult> SubmitAsync(int workerId) =>
        RunAsync<AgencySubmissions>(TestUser.AgencyStaff(_wardown.Id, "staff@wardown.example"), s => s.SubmitAsync(_requisition.Id, workerId, default));

    private async Task<CommandResult> RunAsync<TService>(TestUser user, Func<TService, Task<CommandResult>> command) where TService : notnull
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
