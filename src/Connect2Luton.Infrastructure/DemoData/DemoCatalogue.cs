using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Infrastructure.DemoData;

/// <summary>
/// The reference data behind the demo: Luton's service areas, the roles councils most often fill with temporary
/// staff, and the agencies that supply them. Grades E-G and their salary bands are the East of England 2025/26
/// example in DOMAIN.md; every other figure here (other bands, pay ranges, establishments, margins, agency
/// names) is illustrative and labelled so on screen by the data being demo data.
/// </summary>
internal static class DemoCatalogue
{
    public sealed record DemoServiceArea(string Code, string Name, string Directorate, bool IsChildrens, decimal EstablishmentFte);

    public sealed record DemoRole(
        string Title,
        JobFamily Family,
        string Grade,
        decimal SalaryMinimum,
        decimal SalaryMaximum,
        RegistrationBody Registration,
        DfeRoleType? DfeRoleType,
        bool IsInterim,
        string ServiceCode,
        decimal PayLow,
        decimal PayHigh,
        decimal WeeklyHours,
        int LivePlacements,
        DbsLevel Dbs);

    public static readonly DemoServiceArea[] ServiceAreas =
    [
        new("CSC", "Children's Social Care", "Children, Families and Education", true, 610m),
        new("ASC", "Adult Social Care", "Population Wellbeing", false, 540m),
        new("HOU", "Housing", "Place and Infrastructure", false, 230m),
        new("PLN", "Planning", "Place and Infrastructure", false, 70m),
        new("NBS", "Neighbourhood Services", "Place and Infrastructure", false, 310m),
        new("CAT", "Catering", "Children, Families and Education", false, 260m),
        new("BSS", "Business Support", "Corporate Services", false, 380m),
    ];

    // About 66 live agency social workers in children's social care: Luton reported 64 at one scrutiny meeting
    // and 71 FTE in September 2023 (DOMAIN.md).
    public static readonly DemoRole[] Roles =
    [
        new("Social Worker (Children and Families)", JobFamily.SocialCare, "E", 39_027m, 44_463m, RegistrationBody.SocialWorkEngland, DfeRoleType.SocialWorker, false, "CSC", 30m, 36m, 37m, 40, DbsLevel.EnhancedWithBarredLists),
        new("Senior Social Worker (Children and Families)", JobFamily.SocialCare, "F", 45_624m, 52_038m, RegistrationBody.SocialWorkEngland, DfeRoleType.SeniorSocialWorker, false, "CSC", 34m, 40m, 37m, 12, DbsLevel.EnhancedWithBarredLists),
        new("Advanced Practitioner (Children and Families)", JobFamily.SocialCare, "F", 45_624m, 52_038m, RegistrationBody.SocialWorkEngland, DfeRoleType.AdvancedPractitioner, false, "CSC", 37m, 43m, 37m, 5, DbsLevel.EnhancedWithBarredLists),
        new("Team Manager (Children and Families)", JobFamily.SocialCare, "G", 53_460m, 61_638m, RegistrationBody.SocialWorkEngland, DfeRoleType.TeamManager, false, "CSC", 41m, 49m, 37m, 5, DbsLevel.EnhancedWithBarredLists),
        new("Independent Reviewing Officer", JobFamily.SocialCare, "G", 53_460m, 61_638m, RegistrationBody.SocialWorkEngland, DfeRoleType.IndependentReviewingOfficer, false, "CSC", 38m, 44m, 37m, 4, DbsLevel.EnhancedWithBarredLists),
        new("Social Worker (Adults)", JobFamily.SocialCare, "E", 39_027m, 44_463m, RegistrationBody.SocialWorkEngland, null, false, "ASC", 29m, 34m, 37m, 12, DbsLevel.EnhancedWithBarredLists),
        new("Occupational Therapist (Adults)", JobFamily.SocialCare, "E", 39_027m, 44_463m, RegistrationBody.HealthAndCareProfessionsCouncil, null, false, "ASC", 27m, 33m, 37m, 4, DbsLevel.EnhancedWithBarredLists),
        new("Care Worker (Reablement)", JobFamily.SocialCare, "C", 25_185m, 26_409m, RegistrationBody.None, null, false, "ASC", 12.80m, 15.00m, 37m, 30, DbsLevel.EnhancedWithBarredLists),
        new("Housing Officer", JobFamily.Housing, "D", 27_711m, 30_060m, RegistrationBody.None, null, false, "HOU", 17m, 21m, 37m, 9, DbsLevel.Basic),
        new("Homelessness Caseworker", JobFamily.Housing, "D", 27_711m, 30_060m, RegistrationBody.None, null, false, "HOU", 18m, 22m, 37m, 6, DbsLevel.Standard),
        new("Planning Officer", JobFamily.Planning, "E", 39_027m, 44_463m, RegistrationBody.None, null, false, "PLN", 24m, 29m, 37m, 4, DbsLevel.Basic),
        new("Senior Planning Officer", JobFamily.Planning, "F", 45_624m, 52_038m, RegistrationBody.None, null, false, "PLN", 29m, 35m, 37m, 2, DbsLevel.Basic),
        new("Waste and Recycling Operative", JobFamily.NeighbourhoodServices, "B", 24_796m, 25_185m, RegistrationBody.None, null, false, "NBS", 12.80m, 13.90m, 40m, 16, DbsLevel.Basic),
        new("Street Cleansing Operative", JobFamily.NeighbourhoodServices, "B", 24_796m, 25_185m, RegistrationBody.None, null, false, "NBS", 12.80m, 13.60m, 40m, 8, DbsLevel.Basic),
        new("HGV Driver (Waste)", JobFamily.NeighbourhoodServices, "C", 25_185m, 26_409m, RegistrationBody.None, null, false, "NBS", 16m, 19m, 40m, 5, DbsLevel.Basic),
        new("Catering Assistant (Schools)", JobFamily.Catering, "A", 24_413m, 24_796m, RegistrationBody.None, null, false, "CAT", 12.75m, 13.40m, 25m, 8, DbsLevel.Enhanced),
        new("School Cook", JobFamily.Catering, "C", 25_185m, 26_409m, RegistrationBody.None, null, false, "CAT", 13.60m, 15.50m, 30m, 4, DbsLevel.Enhanced),
        new("Business Support Officer", JobFamily.BusinessSupport, "C", 25_185m, 26_409m, RegistrationBody.None, null, false, "BSS", 13.50m, 16.50m, 37m, 10, DbsLevel.Basic),
        new("Interim Head of Service", JobFamily.InterimManagement, "JNC", 85_000m, 100_000m, RegistrationBody.None, null, true, "ASC", 65m, 85m, 37m, 3, DbsLevel.Standard),
        new("Interim Project Manager", JobFamily.InterimManagement, "H", 62_000m, 70_000m, RegistrationBody.None, null, true, "BSS", 45m, 60m, 37m, 2, DbsLevel.Basic),
    ];

    /// <summary>
    /// The roles a service recruits for: its own, and the business support and interim roles any service may need.
    /// Children's social workers are recruited by children's services alone, housing officers by housing.
    /// </summary>
    public static IEnumerable<DemoRole> RolesRecruitedBy(string serviceCode) =>
        Roles.Where(r => r.ServiceCode == serviceCode || r.Family is JobFamily.BusinessSupport or JobFamily.InterimManagement);

    public const string InHousePoolName = "Connect2Luton in-house pool";

    // The local agencies are on the DPS (but one not based in Luton); the social work specialists, and one of the
    // others, confirm they work to the DfE agency rules, so the release offers them children's social work.
    public static readonly (string Name, SupplyAgencyKind Kind, decimal Margin, bool IsLocal, string? Dps, bool ConfirmsDfe)[] Agencies =
    [
        (InHousePoolName, SupplyAgencyKind.InHousePool, 0.06m, true, null, true),
        ("Wardown Social Work Recruitment", SupplyAgencyKind.LocalSupportingAgency, 0.14m, true, "DPS-LU-0107", true),
        ("Chiltern Care Staffing", SupplyAgencyKind.LocalSupportingAgency, 0.15m, true, "DPS-LU-0112", false),
        ("Stockwood Professional Services", SupplyAgencyKind.LocalSupportingAgency, 0.13m, true, "DPS-LU-0118", false),
        ("Lea Valley Recruitment", SupplyAgencyKind.LocalSupportingAgency, 0.12m, true, "DPS-LU-0121", true),
        ("Hatters Industrial Staffing", SupplyAgencyKind.LocalSupportingAgency, 0.11m, true, "DPS-LU-0125", false),
        ("Marsh Farm Community Recruitment", SupplyAgencyKind.LocalSupportingAgency, 0.10m, true, "DPS-LU-0131", false),
        ("Bedfordshire Locum Partners", SupplyAgencyKind.LocalSupportingAgency, 0.16m, false, "DPS-LU-0136", true),
        ("Dunstable Road Staffing", SupplyAgencyKind.LocalSupportingAgency, 0.12m, true, "DPS-LU-0140", false),
        ("National Interim Solutions", SupplyAgencyKind.ExternalAgency, 0.22m, false, null, false),
    ];

    // Postcode districts with weights: most of the pool lives in Luton (LU1-LU4), some in Central Bedfordshire
    // (LU5-LU7), a few further away.
    public static readonly (string District, float Weight)[] Districts =
    [
        ("LU1", 0.20f), ("LU2", 0.18f), ("LU3", 0.17f), ("LU4", 0.17f),
        ("LU5", 0.06f), ("LU6", 0.05f), ("LU7", 0.04f),
        ("MK40", 0.02f), ("MK45", 0.015f), ("SG4", 0.015f), ("SG5", 0.015f), ("AL1", 0.015f), ("AL5", 0.015f), ("HP2", 0.01f), ("N17", 0.01f),
    ];

    public static readonly (string Council, string Region)[] Councils =
    [
        ("Luton Borough Council", "East of England"),
        ("Central Bedfordshire Council", "East of England"),
        ("Bedford Borough Council", "East of England"),
        ("Hertfordshire County Council", "East of England"),
        ("Milton Keynes City Council", "South East"),
        ("Buckinghamshire Council", "South East"),
        ("London Borough of Barnet", "London"),
    ];

    // Luton is one of the most diverse towns in England (Census 2021): names drawn from its communities rather
    // than Bogus's generic English lists.
    public static readonly string[] FirstNames =
    [
        "Aisha", "Amira", "Ayesha", "Bilal", "Fatima", "Hamza", "Imran", "Kashif", "Mariam", "Mohammed", "Nadia", "Omar",
        "Rizwan", "Saima", "Shazia", "Tariq", "Usman", "Zainab", "Yasmin", "Farhan", "Nasreen", "Rehana", "Sabrina", "Adil",
        "Anjali", "Priya", "Rajesh", "Sunita", "Arjun", "Deepa", "Harpreet", "Jaspal", "Kiran", "Manpreet", "Ravi", "Simran",
        "Abdul", "Rahima", "Shamima", "Jamal", "Nazmul", "Tahmina",
        "Chidi", "Ngozi", "Kwame", "Abena", "Femi", "Funmilayo", "Tendai", "Blessing", "Grace", "Emmanuel", "Precious", "Samuel",
        "Marcus", "Jermaine", "Keisha", "Shanice", "Andre", "Delroy",
        "Agnieszka", "Katarzyna", "Piotr", "Tomasz", "Marta", "Andrei", "Ioana", "Mihai", "Elena", "Daniela",
        "Sarah", "Emma", "Claire", "Rachel", "Laura", "Hannah", "Sophie", "Jessica", "Lucy", "Amy",
        "James", "Daniel", "Thomas", "Matthew", "Christopher", "David", "Michael", "Paul", "Stephen", "Mark", "Liam", "Ryan",
        "Siobhan", "Ciara", "Niamh", "Declan", "Sean", "Patrick",
    ];

    public static readonly string[] LastNames =
    [
        "Ahmed", "Akhtar", "Ali", "Aslam", "Begum", "Bibi", "Butt", "Choudhury", "Hussain", "Iqbal", "Khan", "Mahmood",
        "Malik", "Mirza", "Rashid", "Rehman", "Riaz", "Shah", "Sheikh", "Siddiqui", "Uddin", "Islam", "Miah", "Rahman",
        "Patel", "Sharma", "Singh", "Kaur", "Gill", "Sandhu", "Bains", "Kumar", "Mistry", "Chauhan",
        "Adeyemi", "Okafor", "Okonkwo", "Mensah", "Boateng", "Asante", "Oyelaran", "Moyo", "Ndlovu", "Mwangi", "Campbell",
        "Brown", "Clarke", "Francis", "Grant", "Reid",
        "Kowalski", "Nowak", "Wisniewski", "Lewandowski", "Popescu", "Ionescu", "Dumitru",
        "Smith", "Jones", "Taylor", "Williams", "Wilson", "Davies", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Thompson",
        "White", "Hughes", "Green", "Hall", "Wood", "Harris", "Martin", "Cooper", "King", "Baker", "Turner", "Hill",
        "Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "Doyle",
    ];

    public static readonly string[] EndReasons =
    [
        "Assignment completed",
        "Post filled by a permanent appointment",
        "Ended early: the worker took another assignment",
        "Ended early: the service's funding ended",
    ];

    public static readonly string[] CapExceptionReasons =
    [
        "No worker available at or below the cap after two weeks' search",
        "Specialist experience needed for a complex caseload",
        "Continuity for children already on this worker's caseload",
        "Court deadlines cannot be met without this worker",
    ];

    public static readonly string[] ExtensionReasons =
    [
        "Permanent recruitment still under way",
        "Caseload cannot be reallocated safely yet",
        "Covering a second vacancy in the team",
        "Project timetable extended",
    ];

}
