using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Infrastructure.DemoData;

/// <summary>Requisitions still on their way: drafts, ones awaiting approval, rejected, open with shortlists, cancelled.</summary>
internal sealed class RequisitionPipeline(
    DemoDataSeeder seeder,
    IReadOnlyList<ServiceArea> areas,
    IReadOnlyList<HiringManager> managers,
    IReadOnlyDictionary<DemoCatalogue.DemoRole, JobRole> roles,
    IReadOnlyList<SupplyAgency> agencies,
    IReadOnlyList<(DemoCatalogue.DemoRole Role, Worker Worker)> available)
{
    private const string Recruiter = "recruiter@connect2luton.local";
    private readonly List<(Requisition Requisition, DemoCatalogue.DemoRole Role)> _built = [];

    public int Count => _built.Count;

    public IEnumerable<Requisition> Build()
    {
        var faker = seeder.Faker;
        var plan = new (RequisitionStatus Status, int Count)[]
        {
            (RequisitionStatus.Draft, 4), (RequisitionStatus.Submitted, 6), (RequisitionStatus.Approved, 3),
            (RequisitionStatus.Rejected, 2), (RequisitionStatus.Open, 10), (RequisitionStatus.Cancelled, 3),
        };
        var demoRoles = roles.Keys.ToArray();
        // Social work dominates demand, as it does in Luton.
        var weights = demoRoles.Select(r => r.ServiceCode == "CSC" ? 3f : 1f).ToArray();

        foreach (var (status, count) in plan)
        {
            for (var i = 0; i < count; i++)
            {
                var demoRole = faker.Random.WeightedRandom(demoRoles, weights);
                var role = roles[demoRole];
                var area = areas.Single(a => a.Code == demoRole.ServiceCode);
                var managersHere = managers.Where(m => m.ServiceAreaId == area.Id).ToList();
                var author = faker.PickRandom(managersHere);
                var raisedOn = seeder.Today.AddDays(-faker.Random.Int(2, 20));
                var start = seeder.Today.AddDays(faker.Random.Int(7, 45));
                var requisition = Requisition.Raise(
                    new RequisitionDetails(area.Id, role.Id, role.Title, demoRole.IsInterim ? RequisitionReason.InterimManagement : RequisitionReason.VacancyCover,
                        $"Cover needed in {area.Name} from {start:d MMMM}.", demoRole.WeeklyHours, start, start.AddDays(13 * 7 - 1),
                        demoRole.PayHigh + 2m, status == RequisitionStatus.Open && i < 2 ? 2 : 1, IsProjectTeam: false),
                    author.Id, author.Email, DemoDataSeeder.At(raisedOn, 9));
                Advance(requisition, status, author.Email, managersHere[0].Email, raisedOn);
                _built.Add((requisition, demoRole));
                yield return requisition;
            }
        }
    }

    /// <summary>
    /// Puts pool workers of the right family on each open requisition's shortlist, ranked by the local-candidate
    /// preference rules as they stand, with the decision kept as a recruiter's would be.
    /// </summary>
    public async Task ShortlistAsync(CancellationToken cancellationToken)
    {
        var faker = seeder.Faker;
        var at = DemoDataSeeder.At(seeder.Today.AddDays(-1), 11);
        foreach (var (requisition, demoRole) in _built.Where(b => b.Requisition.Status == RequisitionStatus.Open))
        {
            var role = roles[demoRole];
            var candidates = available.Where(a => a.Role.Family == demoRole.Family).Select(a => a.Worker).ToList();
            foreach (var worker in faker.PickRandom(candidates, Math.Min(candidates.Count, faker.Random.Int(3, 6))))
            {
                var supplier = agencies.Single(a => a.Id == worker.SupplyAgencyId);
                var decision = await seeder.Preference.DecideAsync(PolicyFacts.LocalPreference(worker, supplier, role, seeder.Today), cancellationToken);
                if (!decision.Eligible) continue;
                var record = decision.Details.ToRecord(Recruiter, at).About(requisitionId: requisition.Id, workerId: worker.Id);
                requisition.AddToShortlist(worker.Id, decision.Tier, decision.Points, record, Recruiter, at);
            }
        }
    }

    private static void Advance(Requisition requisition, RequisitionStatus target, string author, string approver, DateOnly raisedOn)
    {
        if (target == RequisitionStatus.Draft) return;
        if (target == RequisitionStatus.Cancelled)
        {
            requisition.Cancel(author, DemoDataSeeder.At(raisedOn.AddDays(1), 16), "The post was filled by an internal secondment");
            return;
        }
        requisition.Submit(author, DemoDataSeeder.At(raisedOn.AddDays(1), 10));
        if (target == RequisitionStatus.Submitted) return;
        if (target == RequisitionStatus.Rejected)
        {
            requisition.Reject(approver, DemoDataSeeder.At(raisedOn.AddDays(2), 15), "Budget for this post is not confirmed for the rest of the financial year");
            return;
        }
        requisition.Approve(approver, DemoDataSeeder.At(raisedOn.AddDays(2), 14));
        if (target == RequisitionStatus.Approved) return;
        requisition.Open(Recruiter, DemoDataSeeder.At(raisedOn.AddDays(3), 9));
    }
}
