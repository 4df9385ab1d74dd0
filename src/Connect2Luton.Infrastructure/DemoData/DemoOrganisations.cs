using Bogus;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.HiringOrganisations;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Infrastructure.DemoData;

/// <summary>
/// Two small organisations that hire through Connect2Luton beside the council (a school trust and a housing company),
/// each with a service and a manager, and a few live placements in roles the council also recruits. Seeded after
/// the council's, so the council's demo data is the same with them as without.
/// </summary>
internal sealed class DemoOrganisations(DemoDataSeeder seeder)
{
    private const int Seed = 20200902;

    private static readonly (string Name, string Address, string Contact, string Email, bool PurchaseOrder, decimal Adjustment, string Code, string Service, string Role, int Live)[] Catalogue =
    [
        ("Lea Valley Learning Trust", "Finance Office\nLea Valley Learning Trust\nHitchin Road\nLuton\nLU2 0ER", "Trust Finance Team", "finance@leavalleytrust.example", true, 0.02m,
            "LVT", "School Support (Lea Valley Learning Trust)", "Catering Assistant (Schools)", 3),
        ("Luton Homes Partnership", "Accounts Payable\nLuton Homes Partnership\nKimpton Road\nLuton\nLU2 0LA", "Accounts Payable", "accounts@lutonhomes.example", false, 0.015m,
            "LHP", "Lettings (Luton Homes Partnership)", "Housing Officer", 2),
    ];

    public async Task SeedAsync(IReadOnlyDictionary<DemoCatalogue.DemoRole, JobRole> roles, IReadOnlyList<SupplyAgency> agencies, DemoSignOffs signOffs, CancellationToken cancellationToken)
    {
        var db = seeder.Db;
        var faker = new Faker("en_GB") { Random = new Randomizer(Seed) };
        var organisations = Catalogue.Select(o => new HiringOrganisation(o.Name, o.Address, o.Contact, o.Email, o.PurchaseOrder, o.Adjustment)).ToList();
        db.AddRange(organisations);
        await db.SaveChangesAsync(cancellationToken);

        var areas = new List<ServiceArea>();
        var managers = new List<HiringManager>();
        foreach (var (entry, organisation) in Catalogue.Zip(organisations))
        {
            var area = new ServiceArea(entry.Code, entry.Service, entry.Name, false, 40m);
            area.MoveTo(organisation.Id);
            areas.Add(area);
        }
        db.AddRange(areas);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (entry, area) in Catalogue.Zip(areas))
        {
            var role = roles.Single(r => r.Key.Title == entry.Role);
            area.RecruitFor([role.Value.Id]);
            var (first, last) = (faker.PickRandom(DemoCatalogue.FirstNames), faker.PickRandom(DemoCatalogue.LastNames));
            managers.Add(new HiringManager($"{first} {last}", $"{first}.{last}@{entry.Email.Split('@')[1]}".ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal),
                $"Head of {entry.Service.Split(" (")[0]}", area.Id, $"01582 {faker.Random.Int(400000, 599999)}"));
        }
        db.AddRange(managers);
        await db.SaveChangesAsync(cancellationToken);

        var workers = new DemoWorkerFactory(faker, seeder.Today, seeder.Clock.GetUtcNow(), agencies);
        var book = new PlacementBook(seeder, managers, agencies, signOffs);
        foreach (var (entry, area) in Catalogue.Zip(areas))
        {
            var (demoRole, role) = roles.Single(r => r.Key.Title == entry.Role);
            for (var i = 0; i < entry.Live; i++) book.Plan(demoRole, role, area, workers.Create(demoRole.Family, demoRole), PlacementPlan.Live);
        }
        db.AddRange(book.Workers);
        db.AddRange(book.Requisitions);
        await db.SaveChangesAsync(cancellationToken);
        await book.BookAllAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
