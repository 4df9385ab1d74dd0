using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Infrastructure.DemoData;

/// <summary>
/// Plans each demo placement with the requisition it fills, then books, extends and ends it once the
/// requisitions and workers have keys. Roles filled in numbers (care, waste) share requisitions for several workers.
/// </summary>
internal sealed class PlacementBook(DemoDataSeeder seeder, IReadOnlyList<HiringManager> managers, IReadOnlyList<SupplyAgency> agencies, DemoSignOffs signOffs)
{
    private const string Recruiter = "recruiter@connect2luton.local";
    private static readonly string[] Teams = ["Assessment", "Child in Need", "Child Protection", "Children in Care", "Leaving Care", "Front Door (MASH)"];

    private readonly List<Planned> _planned = [];
    private readonly Dictionary<JobRole, (Requisition Requisition, DateOnly Start, int Size)> _groups = [];

    public List<Worker> Workers { get; } = [];
    public List<Requisition> Requisitions { get; } = [];
    public int Count => _planned.Count;

    public void Plan(DemoCatalogue.DemoRole demoRole, JobRole role, ServiceArea area, Worker worker, PlacementPlan plan)
    {
        var faker = seeder.Faker;
        var today = seeder.Today;
        Workers.Add(worker);

        var groupable = plan == PlacementPlan.Live && demoRole.Family is JobFamily.NeighbourhoodServices
            || demoRole.Title.StartsWith("Care Worker", StringComparison.Ordinal);
        if (plan == PlacementPlan.Live && groupable && _groups.TryGetValue(role, out var group) && group.Size < group.Requisition.Positions)
        {
            _groups[role] = group with { Size = group.Size + 1 };
            _planned.Add(new Planned(demoRole, role, area, group.Requisition, worker, plan, group.Start, group.Start.AddDays(26 * 7 - 1)));
            return;
        }

        var start = plan switch
        {
            PlacementPlan.Live => today.AddDays(-faker.Random.WeightedRandom(
                [faker.Random.Int(-14, 83), faker.Random.Int(84, 182), faker.Random.Int(183, 365), faker.Random.Int(366, 720)],
                [0.22f, 0.30f, 0.26f, 0.22f])),
            PlacementPlan.Converted => today.AddDays(-faker.Random.Int(150, 330)),
            _ => today.AddDays(-faker.Random.Int(200, 900)),
        };
        var initialEnd = start.AddDays(26 * 7 - 1);
        var positions = plan == PlacementPlan.Live && groupable ? faker.Random.Int(2, 3) : 1;

        var managersHere = managers.Where(m => m.ServiceAreaId == area.Id).ToList();
        var raisedBy = faker.PickRandom(managersHere);
        var approver = managersHere[0];
        var raisedOn = start.AddDays(-faker.Random.Int(14, 35));
        var team = area.IsChildrensServices && role.DfeRoleType is not null ? $", {faker.PickRandom(Teams)} team" : string.Empty;
        var requisition = Requisition.Raise(
            new RequisitionDetails(
                area.Id,
                role.Id,
                $"{role.Title}{team}",
                ReasonFor(demoRole),
                $"Temporary cover in {area.Name}.",
                demoRole.WeeklyHours,
                start,
                initialEnd,
                demoRole.PayHigh + 2m,
                positions,
                IsProjectTeam: area.IsChildrensServices && faker.Random.Bool(0.08f)),
            raisedBy.Id,
            raisedBy.Email,
            DemoDataSeeder.At(raisedOn, 9));
        requisition.Submit(raisedBy.Email, DemoDataSeeder.At(raisedOn.AddDays(1), 10));
        requisition.Approve(approver.Email, DemoDataSeeder.At(raisedOn.AddDays(2), 14));
        requisition.Open(Recruiter, DemoDataSeeder.At(raisedOn.AddDays(3), 9));
        Requisitions.Add(requisition);
        if (positions > 1) _groups[role] = (requisition, start, 1);

        _planned.Add(new Planned(demoRole, role, area, requisition, worker, plan, start, initialEnd));
    }

    /// <summary>
    /// Books every planned placement at a rate the pay-rate cap rules allow, with their decision kept and, where a
    /// rate is over a cap, the sign-off they ask for. Requisitions and workers must already have their keys.
    /// </summary>
    public async Task BookAllAsync(CancellationToken cancellationToken)
    {
        var faker = seeder.Faker;
        var today = seeder.Today;
        var onCosts = await seeder.PayRates.OnCostsAsync(today, cancellationToken);
        foreach (var planned in _planned)
        {
            var agency = agencies.Single(a => a.Id == planned.Worker.SupplyAgencyId);
            var bookedOn = planned.Start.AddDays(-7) < today ? planned.Start.AddDays(-7) : today.AddDays(-1);
            var bookedAt = DemoDataSeeder.At(bookedOn, 11);
            await TryOverTheCapFirstAsync(planned, agency, onCosts, bookedOn, bookedAt, cancellationToken);
            var rates = Rates(planned.Role, agency, onCosts);
            var decision = await seeder.PayRates.DecideAsync(PolicyFacts.PayRate(planned.JobRole, planned.Area, agency.Kind, rates, planned.Role.WeeklyHours, bookedOn), cancellationToken);
            if (decision.Outcome == PayRateOutcome.Refused)
            {
                // Demo pay ranges sit within the default caps; if an officer has lowered one, book at the bottom of the range.
                rates = ChargeRates.Price(planned.Role.PayLow, agency.Kind, agency.MarginRate, onCosts);
                decision = await seeder.PayRates.DecideAsync(PolicyFacts.PayRate(planned.JobRole, planned.Area, agency.Kind, rates, planned.Role.WeeklyHours, bookedOn), cancellationToken);
            }
            if (decision.Outcome == PayRateOutcome.Refused) continue;

            var approval = decision is { Outcome: PayRateOutcome.NeedsException, CapExceeded: { Cap: { } cap, Measured: { } measured } }
                ? new CapExceptionApproval(decision.Approvers!, faker.PickRandom(DemoCatalogue.CapExceptionReasons), cap, measured)
                : null;
            var booking = new PlacementBooking(rates, planned.Role.WeeklyHours, planned.Start, planned.InitialEnd);
            var placement = Placement.Book(planned.Requisition, planned.Worker, booking, approval, [decision.Details.ToRecord(Recruiter, bookedAt)], Recruiter, bookedAt);
            signOffs.SignAll(placement);
            seeder.Db.Add(placement);

            var approver = managers.First(m => m.ServiceAreaId == planned.Requisition.ServiceAreaId);
            switch (planned.Plan)
            {
                case PlacementPlan.Live:
                    ExtendUntil(placement, today.AddDays(faker.Random.Int(7, 90)), approver.Name);
                    break;
                case PlacementPlan.Ended:
                    var lastDay = planned.Start.AddDays(faker.Random.Int(8, 40) * 7 - 1);
                    if (lastDay >= today) lastDay = today.AddDays(-faker.Random.Int(7, 60));
                    ExtendUntil(placement, lastDay, approver.Name);
                    placement.End(lastDay, faker.PickRandom(DemoCatalogue.EndReasons), Recruiter, DemoDataSeeder.At(lastDay, 16));
                    break;
                case PlacementPlan.Converted:
                    var permanentStart = planned.Start.AddDays(faker.Random.Int(15, 30) * 7);
                    if (permanentStart > today) permanentStart = today.AddDays(-7);
                    ExtendUntil(placement, permanentStart, approver.Name);
                    placement.ConvertToPermanent(permanentStart, Recruiter, DemoDataSeeder.At(permanentStart.AddDays(-21), 12));
                    planned.Worker.RecordConversion(permanentStart);
                    break;
            }
        }
    }

    private void ExtendUntil(Placement placement, DateOnly mustRunTo, string approver)
    {
        var faker = seeder.Faker;
        while (placement.PlannedEndDate < mustRunTo)
        {
            var newEnd = placement.PlannedEndDate.AddDays(faker.PickRandom(13, 26) * 7);
            var decidedOn = placement.PlannedEndDate.AddDays(-14);
            placement.Extend(newEnd, faker.PickRandom(DemoCatalogue.ExtensionReasons), approver, signOffBy: null, null, Recruiter, DemoDataSeeder.At(decidedOn, 15));
        }
    }

    /// <summary>
    /// About one booking in four was first tried at a third over the top of its pay range. Where the rules refuse
    /// that (a grade A to D cap is a hard limit), the refusal is kept as a real one would be, so the refusals report
    /// has something to show. The one in four is picked from the keys, not the faker, so the rest of the demo
    /// data is the same with or without it.
    /// </summary>
    private async Task TryOverTheCapFirstAsync(Planned planned, SupplyAgency agency, OnCostRates onCosts, DateOnly bookedOn, DateTimeOffset bookedAt, CancellationToken cancellationToken)
    {
        if ((planned.Requisition.Id * 31 + planned.Worker.Id) % 4 != 0) return;
        var rates = ChargeRates.Price(Math.Round(planned.Role.PayHigh * 4m / 3m, 2), agency.Kind, agency.MarginRate, onCosts);
        var decision = await seeder.PayRates.DecideAsync(PolicyFacts.PayRate(planned.JobRole, planned.Area, agency.Kind, rates, planned.Role.WeeklyHours, bookedOn), cancellationToken);
        if (decision.Outcome != PayRateOutcome.Refused) return;
        seeder.Db.Add(decision.Details.ToRecord(Recruiter, bookedAt.AddMinutes(-20))
            .About(planned.Requisition.Id, planned.Worker.Id).Refusing(RefusedChange.Booking));
    }

    private PlacementRates Rates(DemoCatalogue.DemoRole role, SupplyAgency agency, OnCostRates onCosts) =>
        ChargeRates.Price(Math.Round(seeder.Faker.Random.Decimal(role.PayLow, role.PayHigh) * 20m) / 20m, agency.Kind, agency.MarginRate, onCosts);

    private RequisitionReason ReasonFor(DemoCatalogue.DemoRole role)
    {
        if (role.IsInterim) return RequisitionReason.InterimManagement;
        return seeder.Faker.Random.WeightedRandom(
            [RequisitionReason.VacancyCover, RequisitionReason.SicknessCover, RequisitionReason.MaternityCover, RequisitionReason.Project, RequisitionReason.PeakWorkload],
            [0.72f, 0.08f, 0.08f, 0.06f, 0.06f]);
    }

    private sealed record Planned(DemoCatalogue.DemoRole Role, JobRole JobRole, ServiceArea Area, Requisition Requisition, Worker Worker, PlacementPlan Plan, DateOnly Start, DateOnly InitialEnd);
}
