using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Infrastructure.DemoData;

/// <summary>Requisitions still on their way: drafts, ones awaiting approval, rejected, open with shortlists, cancelled.</summary>
internal sealed class RequisitionPipeline(
    DemoDataSeeder seeder,
    IReadOnlyList<ServiceArea> areas,
    IReadOnlyList<HiringManager> managers,
    IReadOnlyDictionary<DemoCatalogue.DemoRole, JobRole> roles,
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

    /// <summary>Puts pool workers of the right family on each open requisition's shortlist.</summary>
    public void Shortlist()
    {
        var faker = seeder.Faker;
        foreach (var (requisition, role) in _built.Where(b => b.Requisition.Status == RequisitionStatus.Open))
        {
            var candidates = available.Where(a => a.Role.Family == role.Family).Select(a => a.Worker).ToList();
            foreach (var worker in faker.PickRandom(candidates, Math.Min(candidates.Count, faker.Random.Int(3, 6))))
            {
                var (tier, points) = Preference(worker);
                requisition.AddToShortlist(worker.Id, tier, points, null, Recruiter, DemoDataSeeder.At(seeder.Today.AddDays(-1), 11));
            }
        }
    }

    // As the default local-candidate preference rules rank them: Luton districts first, then neighbouring ones.
    private static (string Tier, int Points) Preference(Worker worker)
    {
        var (tier, points) = worker.PostcodeDistrict switch
        {
            "LU1" or "LU2" or "LU3" or "LU4" => ("Local", 30),
            "LU5" or "LU6" or "LU7" => ("Neighbouring", 10),
            _ => ("Other", 0),
        };
        if (worker.PreviousCouncil == "Luton Borough Council") points += 15;
        return (tier, points);
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
