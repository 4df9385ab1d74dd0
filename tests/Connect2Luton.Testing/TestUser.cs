using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Testing;

public sealed record TestUser(string Name, string[] Roles, int? ServiceAreaId = null) : ICurrentUser
{
    public static TestUser Recruiter { get; } = new("recruiter@test.local", [Application.Common.Identity.Roles.Recruiter]);

    public int? SupplyAgencyId { get; init; }

    /// <summary>Someone at the agency <paramref name="agencyId"/> putting candidates forward.</summary>
    public static TestUser AgencyStaff(int agencyId, string name = "staff@agency.test") =>
        new(name, [Application.Common.Identity.Roles.AgencyStaff]) { SupplyAgencyId = agencyId };

    public bool IsInRole(string role) => Roles.Contains(role);
}
