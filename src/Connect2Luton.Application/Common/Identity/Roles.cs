namespace Connect2Luton.Application.Common.Identity;

/// <summary>The roles people sign in with; pages and use cases authorise against these names.</summary>
public static class Roles
{
    public const string Recruiter = nameof(Recruiter);
    public const string HiringManager = nameof(HiringManager);
    public const string PolicyOfficer = nameof(PolicyOfficer);
    public const string Admin = nameof(Admin);

    /// <summary>Staff of a supply agency, each acting for the one agency their account is linked to.</summary>
    public const string AgencyStaff = nameof(AgencyStaff);

    /// <summary>A temporary worker, signed in to enter their own timesheets and keep their own details: linked to their worker record.</summary>
    public const string Worker = nameof(Worker);

    public static IReadOnlyList<string> All { get; } = [Recruiter, HiringManager, PolicyOfficer, Admin, AgencyStaff, Worker];
}
