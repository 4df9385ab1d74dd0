using Connect2Luton.Application.Reports;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Reports;

/// <summary>The conversions report over hand-built prompts, each acted on inside or outside the twelve months on purpose.</summary>
public sealed class ConversionsReportTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        var where = await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());

        async Task<ConversionPrompt> RaiseAsync(DateOnly raisedOn, decimal yearlyAgency, decimal yearlyPermanent)
        {
            var requisition = A.Requisition().In(where.Area.Id, where.Role.Id, where.Manager.Id).Starting(raisedOn.AddDays(-120)).Open();
            var worker = A.Worker().SuppliedBy(where.Agency.Id).Build();
            db.Add(requisition, worker);
            await db.SaveAsync();
            var placement = Placement.Book(requisition, worker, new PlacementBooking(A.Rates(), 37m, raisedOn.AddDays(-120), raisedOn.AddDays(200)), null, [], "r", Clocks.Now);
            db.Add(placement);
            await db.SaveAsync();
            var decision = new RuleDecision(RuleSetNames.PermanentConversionEligibility, "v1", "Eligible", "{}", [], "nightly", At(raisedOn)).About(placementId: placement.Id);
            var prompt = new ConversionPrompt(placement.Id, worker.Id, where.Area.Id, new ConversionCosts(10_000m, yearlyAgency, yearlyPermanent, false), decision, raisedOn, At(raisedOn));
            db.Add(prompt);
            return prompt;
        }

        var offeredThenConverted = await RaiseAsync(new DateOnly(2026, 9, 10), 60_000m, 45_000m);
        offeredThenConverted.RecordOfferMade(null, "r", At(new DateOnly(2026, 9, 20)));
        offeredThenConverted.RecordConverted(new DateOnly(2026, 11, 1), "r", At(new DateOnly(2026, 10, 5)));
        (await RaiseAsync(new DateOnly(2026, 10, 1), 55_000m, 45_000m)).RecordDeclined("Staying with the agency", "r", At(new DateOnly(2026, 10, 15)));
        (await RaiseAsync(new DateOnly(2025, 10, 1), 70_000m, 45_000m)).RecordConverted(new DateOnly(2025, 12, 1), "r", At(new DateOnly(2025, 11, 5)));
        (await RaiseAsync(new DateOnly(2026, 11, 1), 50_000m, 45_000m)).RecordConverted(new DateOnly(2026, 12, 1), "r", At(new DateOnly(2026, 11, 20)));
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_twelve_months_count_prompts_offers_conversions_and_declines_and_add_up_the_yearly_savings()
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        var report = scope.ServiceProvider.GetRequiredService<ConversionsReport>();
        var (from, to) = report.DefaultPeriod();

        var figures = await report.GetAsync(from, to, null, CancellationToken.None);

        (from, to).ShouldBe((new DateOnly(2025, 12, 1), Clocks.Today));
        (figures.Raised, figures.Offers, figures.Converted, figures.Declined, figures.NotSuitable, figures.Lapsed).ShouldBe((3, 1, 2, 1, 0, 0));
        figures.Conversions.Select(c => c.YearlySaving).ShouldBe([15_000m, 5_000m], "largest first; the one converted last November is outside the period");
        figures.YearlySaving.ShouldBe(20_000m);
        figures.ByMonth.Count.ShouldBe(12);
        figures.ByMonth.TakeLast(3).Select(m => (m.Month.Month, m.Raised, m.Converted)).ShouldBe([(9, 1, 0), (10, 1, 1), (11, 1, 1)]);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
