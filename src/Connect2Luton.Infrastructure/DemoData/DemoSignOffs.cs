using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SignOffs;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Infrastructure.DemoData;

/// <summary>
/// The posts the default rules name, each held by a demo user who signs in (the demo hiring manager is Head of
/// Service); the demo's rates over their caps signed off by them; and one booking over the DfE cap still waiting
/// for the Director of Children's Services and the Chief Executive, so their dashboards have something to sign.
/// </summary>
internal sealed class DemoSignOffs(DemoDataSeeder seeder)
{
    private const string Recruiter = "recruiter@connect2luton.local";

    /// <summary>Post, and the demo user who holds it: their sign-in and name.</summary>
    public static readonly (string Post, string Email, string Name)[] Holders =
    [
        ("Director of Children's Services", "dcs@connect2luton.local", "Helen Okafor"),
        ("Chief Executive", "chief.executive@connect2luton.local", "Robin Porter"),
        ("Director of HR", "hr.director@connect2luton.local", "Priya Shah"),
        ("HR Business Partner", "hr.partner@connect2luton.local", "Daniel Reid"),
        ("Head of Service", DemoDataSeeder.DemoManagerEmail, "Demo hiring manager"),
    ];

    private readonly Dictionary<string, PositionHolder> _holders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The posts, held; the demo hiring manager's name is the one the demo data gave them.</summary>
    public IEnumerable<SignOffPosition> Posts(string managerName, DateTimeOffset at)
    {
        foreach (var (post, email, name) in Holders)
        {
            var holder = new PositionHolder(email, email == DemoDataSeeder.DemoManagerEmail ? managerName : name);
            _holders[post] = holder;
            var position = new SignOffPosition(post, DemoDataSeeder.By, at);
            position.Assign(holder, null, DemoDataSeeder.By, at);
            yield return position;
        }
    }

    /// <summary>Gives every sign-off the placement waits for, a day after it was asked for, as its post's holder.</summary>
    public void SignAll(Placement placement)
    {
        foreach (var signOff in placement.SignOffs.Where(s => s.State == SignOffState.Awaiting).ToList())
        {
            var holder = _holders.GetValueOrDefault(signOff.Position) ?? new PositionHolder("demo-approver", signOff.Position);
            var at = signOff.RequestedAt.AddDays(1);
            placement.GiveSignOff(signOff, holder, null, DateOnly.FromDateTime(at.UtcDateTime), at);
        }
    }

    /// <summary>
    /// Books a shortlisted worker on an open children's social work requisition at the first rate a pound at a time
    /// above the role's range that the pay-rate rules say needs sign-off (not a copy of their arithmetic); left waiting.
    /// Nothing is booked where no such rate is found.
    /// </summary>
    public async Task<Placement?> BookAwaitingAsync(IEnumerable<Requisition> requisitions, IReadOnlyDictionary<int, JobRole> roles, IReadOnlyList<ServiceArea> areas,
        IReadOnlyList<SupplyAgency> agencies, IReadOnlyDictionary<int, Worker> workers, CancellationToken cancellationToken)
    {
        var today = seeder.Today;
        var at = DemoDataSeeder.At(today.AddDays(-1), 15);
        var onCosts = await seeder.PayRates.OnCostsAsync(today, cancellationToken);
        foreach (var requisition in requisitions.Where(r => r.CanTakePlacement && roles[r.JobRoleId].DfeRoleType is not null))
        {
            var area = areas.Single(a => a.Id == requisition.ServiceAreaId);
            var role = roles[requisition.JobRoleId];
            foreach (var entry in requisition.Shortlist.Where(e => e.Status == ShortlistEntryStatus.Shortlisted))
            {
                var worker = workers[entry.WorkerId];
                var agency = agencies.Single(a => a.Id == worker.SupplyAgencyId);
                for (var pay = Math.Round(requisition.MaximumPayRate); pay < requisition.MaximumPayRate + 30; pay++)
                {
                    var rates = ChargeRates.Price(pay, agency.Kind, agency.MarginRate, onCosts);
                    var start = today.AddDays(14);
                    var decision = await seeder.PayRates.DecideAsync(PolicyFacts.PayRate(role, area, agency.Kind, rates, requisition.WeeklyHours, start), cancellationToken);
                    if (decision.Outcome == PayRateOutcome.Refused) break;
                    if (decision is not { Outcome: PayRateOutcome.NeedsException, CapExceeded: { Cap: { } cap, Measured: { } measured } }) continue;
                    var booking = new PlacementBooking(rates, requisition.WeeklyHours, start, start.AddDays(7 * 13 - 1));
                    var approval = new CapExceptionApproval(decision.Approvers!, "Two children's social workers left the assessment team at once; no in-house or local candidate has the child protection experience the caseload needs", cap, measured);
                    var record = decision.Details.ToRecord(Recruiter, at).About(requisitionId: requisition.Id, workerId: worker.Id);
                    return Placement.Book(requisition, worker, booking, approval, [record], Recruiter, at);
                }
            }
        }
        return null;
    }
}
