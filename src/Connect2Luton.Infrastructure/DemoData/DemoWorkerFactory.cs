using Bogus;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Infrastructure.DemoData;

/// <summary>Makes believable workers: mostly local, with the checks and registrations their roles need.</summary>
internal sealed class DemoWorkerFactory(Faker faker, DateOnly today, DateTimeOffset now, IReadOnlyList<SupplyAgency> agencies)
{
    // Inward codes never use C, I, K, M, O or V.
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    private readonly SupplyAgency _inHouse = agencies.Single(a => a.Kind == SupplyAgencyKind.InHousePool);
    private readonly SupplyAgency[] _local = agencies.Where(a => a.Kind == SupplyAgencyKind.LocalSupportingAgency).ToArray();
    private readonly SupplyAgency[] _external = agencies.Where(a => a.Kind == SupplyAgencyKind.ExternalAgency).ToArray();
    private int _sequence;

    public Worker Create(JobFamily family, DemoCatalogue.DemoRole? role)
    {
        _sequence++;
        var first = faker.PickRandom(DemoCatalogue.FirstNames);
        var last = faker.PickRandom(DemoCatalogue.LastNames);
        var registration = role?.Registration ?? RegistrationBody.None;
        var qualified = registration == RegistrationBody.None
            ? (DateOnly?)null
            : today.AddDays(-faker.Random.Int(365, 365 * 22));

        var profile = new WorkerProfile(
            first,
            last,
            $"{Slug(first)}.{Slug(last)}{_sequence}@{faker.PickRandom("example.org", "example.net", "example.com")}",
            $"07{faker.Random.Int(100, 999)} {faker.Random.Int(100000, 999999)}",
            UkPostcode.Parse(Postcode()),
            family,
            Agency(family).Id,
            qualified,
            faker.Random.Bool(0.6f),
            PreviousEmployment());

        var worker = new Worker(profile, now.AddDays(-faker.Random.Int(30, 1500)));
        worker.RecordRightToWork(new RightToWorkCheck(
            today.AddDays(-faker.Random.Int(30, 1200)),
            faker.Random.Bool(0.15f) ? today.AddDays(faker.Random.Int(-30, 720)) : null));
        if (faker.Random.Bool(0.92f))
        {
            var issued = today.AddDays(-faker.Random.Int(20, 1400));
            var level = role?.Dbs ?? DbsLevel.Basic;
            var number = faker.Random.ReplaceNumbers("############");
            var onUpdateService = faker.Random.Bool(0.6f);
            // Certificates past three years on the Update Service have had their status checked within the last
            // few months, from the certificate's own number rather than another draw, so the rest of the seeded
            // data stays as it was.
            DateOnly? statusCheckedOn = onUpdateService && issued < today.AddMonths(-36)
                ? today.AddDays(-(int)(long.Parse(number, System.Globalization.CultureInfo.InvariantCulture) % 120))
                : null;
            worker.RecordDbs(new DbsCheck(issued, level, number, onUpdateService, statusCheckedOn));
        }
        if (registration != RegistrationBody.None)
        {
            var prefix = registration == RegistrationBody.SocialWorkEngland ? "SW" : "OT";
            // Social Work England registrations renew each year by 30 November; a few have lapsed.
            var renewal = new DateOnly(today.Month == 12 ? today.Year + 1 : today.Year, 11, 30);
            worker.RecordRegistration(new ProfessionalRegistration(
                registration,
                $"{prefix}{faker.Random.Int(10000, 999999)}",
                faker.Random.Bool(0.05f) ? renewal.AddYears(-1) : renewal.AddYears(faker.Random.Int(0, 1))));
        }
        return worker;
    }

    private SupplyAgency Agency(JobFamily family)
    {
        var roll = faker.Random.Float();
        if (family == JobFamily.InterimManagement && roll < 0.5f && _external.Length > 0) return faker.PickRandom(_external);
        var inHouseShare = family == JobFamily.SocialCare ? 0.45f : 0.6f;
        if (roll < inHouseShare) return _inHouse;
        if (roll < 0.97f || _external.Length == 0) return faker.PickRandom(_local);
        return faker.PickRandom(_external);
    }

    private string Postcode()
    {
        var district = faker.Random.WeightedRandom(
            DemoCatalogue.Districts.Select(d => d.District).ToArray(),
            DemoCatalogue.Districts.Select(d => d.Weight).ToArray());
        return $"{district} {faker.Random.Int(1, 9)}{faker.Random.String2(2, InwardLetters)}";
    }

    private PreviousCouncilEmployment? PreviousEmployment()
    {
        if (!faker.Random.Bool(0.16f)) return null;
        var (council, region) = faker.PickRandom(DemoCatalogue.Councils);
        // A few left a permanent post very recently, so the DfE three-month cooling-off shows on shortlists.
        var daysAgo = faker.Random.Bool(0.2f) ? faker.Random.Int(10, 85) : faker.Random.Int(120, 1800);
        return new PreviousCouncilEmployment(council, region, today.AddDays(-daysAgo));
    }

    private static string Slug(string name) =>
        new string(name.Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
}
