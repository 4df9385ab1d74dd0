using Bogus;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Testing;

/// <summary>Small builders on Bogus: say what matters to the test, let the rest be plausible.</summary>
public static class A
{
    private static Faker Faker => SeededFaker.Next();

    public static ServiceArea ServiceArea(string code = "CSC", bool childrens = true) =>
        new(code, $"{code} service {Faker.Random.AlphaNumeric(6)}", "Test directorate", childrens, 100m);

    public static JobRole SocialWorkerRole() =>
        new($"Social Worker {Faker.Random.AlphaNumeric(6)}", JobFamily.SocialCare, "E", 39_027m, 44_463m,
            RegistrationBody.SocialWorkEngland, DfeRoleType.SocialWorker, isInterim: false);

    public static JobRole Role(JobFamily family = JobFamily.Housing) =>
        new($"{family} officer {Faker.Random.AlphaNumeric(6)}", family, "D", 27_711m, 30_060m, RegistrationBody.None, null, isInterim: false);

    public static SupplyAgency InHousePool() =>
        new($"In-house {Faker.Random.AlphaNumeric(6)}", SupplyAgencyKind.InHousePool, 0.06m, isLocal: true, dpsReference: null);

    public static HiringManager Manager(int serviceAreaId) =>
        new(Faker.Name.FullName(), Faker.Internet.Email(provider: $"{Faker.Random.AlphaNumeric(8)}.example"), "Head of service", serviceAreaId, null);

    public static AWorker Worker() => new();

    public static ARequisition Requisition() => new();

    public static PlacementRates Rates(decimal pay = 32m) => new(pay, pay * 0.1207m, pay * 0.15m, 0m, pay * 0.08m);
}

public sealed class AWorker
{
    private static Faker Faker => SeededFaker.Next();
    private string _postcode = "LU1 3JH";
    private int _supplyAgencyId = 1;
    private JobFamily _family = JobFamily.SocialCare;
    private string _lastName = Faker.Name.LastName();
    private DateOnly? _qualifiedOn = new DateOnly(2018, 7, 1);
    private PreviousCouncilEmployment? _previousCouncil;
    private bool _checked;
    private DateOnly? _born;

    public AWorker LivingIn(string postcode)
    {
        _postcode = postcode;
        return this;
    }

    public AWorker SuppliedBy(int supplyAgencyId)
    {
        _supplyAgencyId = supplyAgencyId;
        return this;
    }

    public AWorker InFamily(JobFamily family)
    {
        _family = family;
        return this;
    }

    public AWorker Named(string lastName)
    {
        _lastName = lastName;
        return this;
    }

    public AWorker QualifiedOn(DateOnly? qualifiedOn)
    {
        _qualifiedOn = qualifiedOn;
        return this;
    }

    public AWorker LeftCouncil(string council, string region, DateOnly leftOn)
    {
        _previousCouncil = new PreviousCouncilEmployment(council, region, leftOn);
        return this;
    }

    /// <summary>Right to work (no end), an enhanced DBS and a Social Work England registration to 2028, all recorded.</summary>
    /// <summary>Born on the day: with the name, how agencies' records of one person are recognised as one.</summary>
    public AWorker BornOn(DateOnly born)
    {
        _born = born;
        return this;
    }

    public AWorker WithChecks()
    {
        _checked = true;
        return this;
    }

    public Worker Build()
    {
        var worker = Profile();
        if (!_checked) return worker;
        worker.RecordRightToWork(new RightToWorkCheck(new DateOnly(2024, 1, 8), null));
        worker.RecordDbs(new DbsCheck(new DateOnly(2025, 3, 3), DbsLevel.EnhancedWithBarredLists, "001234567890", onUpdateService: true));
        worker.RecordRegistration(new ProfessionalRegistration(RegistrationBody.SocialWorkEngland, $"SW{Faker.Random.Int(100000, 999999)}", new DateOnly(2028, 6, 30)));
        return worker;
    }

    private Worker Profile() =>
        new(new WorkerProfile(
                Faker.Name.FirstName(),
                _lastName,
                Faker.Internet.Email(),
                "07700 900123",
                UkPostcode.Parse(_postcode),
                _family,
                _supplyAgencyId,
                _qualifiedOn,
                OpenToPermanentJob: true,
                PreviousCouncilEmployment: _previousCouncil,
                DateOfBirth: _born),
            Clocks.Now);
}

public sealed class ARequisition
{
    private int _positions = 1;
    private int _serviceAreaId = 1;
    private int _jobRoleId = 1;
    private int _managerId = 1;
    private DateOnly _start = Clocks.Today.AddDays(14);
    private RequisitionReason _reason = RequisitionReason.VacancyCover;
    private bool _projectTeam;

    /// <summary>For a project team rather than a business-as-usual post (a DfE return field).</summary>
    public ARequisition ForAProjectTeam()
    {
        _projectTeam = true;
        return this;
    }

    public ARequisition Covering(RequisitionReason reason)
    {
        _reason = reason;
        return this;
    }

    public ARequisition ForPositions(int positions)
    {
        _positions = positions;
        return this;
    }

    public ARequisition In(int serviceAreaId, int jobRoleId, int hiringManagerId)
    {
        (_serviceAreaId, _jobRoleId, _managerId) = (serviceAreaId, jobRoleId, hiringManagerId);
        return this;
    }

    public ARequisition Starting(DateOnly start)
    {
        _start = start;
        return this;
    }

    public RequisitionDetails Details() =>
        new(_serviceAreaId, _jobRoleId, "Social Worker, Child Protection team", _reason, null,
            37m, _start, _start.AddDays(26 * 7 - 1), 40m, _positions, IsProjectTeam: _projectTeam);

    public Requisition Draft() => Domain.Requisitions.Requisition.Raise(Details(), _managerId, "manager@test.local", Clocks.Now);

    /// <summary>Raised, submitted, approved and opened, ready to take placements.</summary>
    public Requisition Open()
    {
        var requisition = Draft();
        requisition.Submit("manager@test.local", Clocks.Now);
        requisition.Approve("head@test.local", Clocks.Now);
        requisition.Open("recruiter@test.local", Clocks.Now);
        return requisition;
    }
}
