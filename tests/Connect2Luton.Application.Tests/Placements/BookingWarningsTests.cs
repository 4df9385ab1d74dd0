using Connect2Luton.Application.Placements.Booking;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Placements;

public sealed class BookingWarningsTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private Requisition _requisition = null!;
    private Worker _fromUnconfirmed = null!;
    private Worker _fromConfirming = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        var where = await ReferenceData.SaveAsync(db);
        var unconfirmed = new SupplyAgency("Dunstable Care Staffing", SupplyAgencyKind.ExternalAgency, 0.15m, isLocal: false, dpsReference: null);
        var confirming = new SupplyAgency("Wardown Social Work", SupplyAgencyKind.ExternalAgency, 0.15m, isLocal: true, dpsReference: null);
        confirming.RecordDfeAgencyRules(true);
        db.Add(unconfirmed, confirming);
        await db.SaveAsync();
        _fromUnconfirmed = A.Worker().SuppliedBy(unconfirmed.Id).WithChecks().Build();
        _fromConfirming = A.Worker().SuppliedBy(confirming.Id).WithChecks().Build();
        db.Add(_fromUnconfirmed, _fromConfirming);
        await db.SaveAsync();
        _requisition = A.Requisition().In(where.Area.Id, where.Role.Id, where.Manager.Id).Open();
        foreach (var worker in new[] { _fromUnconfirmed, _fromConfirming }) _requisition.AddToShortlist(worker.Id, "Local", 40, null, "recruiter@test.local", Clocks.Now);
        db.Add(_requisition);
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Booking_a_childrens_social_worker_from_an_agency_that_has_not_confirmed_the_DfE_agency_rules_is_warned_of_it()
    {
        (await WarningsAsync(_fromUnconfirmed)).ShouldContain(w => w.Contains("Dunstable Care Staffing has not confirmed it works to the DfE agency rules", StringComparison.Ordinal));
        (await WarningsAsync(_fromConfirming)).ShouldNotContain(w => w.Contains("DfE agency rules", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> WarningsAsync(Worker worker)
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        var booking = (await scope.ServiceProvider.GetRequiredService<BookingCases>().LoadAsync(_requisition.Id, worker.Id, forUpdate: false, CancellationToken.None)).ShouldNotBeNull();
        var start = _requisition.StartDate;
        var check = await scope.ServiceProvider.GetRequiredService<BookingTerms>().CheckAsync(booking, new PlacementProposalInput(_requisition.Id, worker.Id, 30m, 37m, start, start.AddDays(90), null), CancellationToken.None);
        return check.Quote.Warnings;
    }
}
