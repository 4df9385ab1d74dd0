using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Testing;

public sealed record TestUser(string Name, string[] Roles, int? ServiceAreaId = null) : ICurrentUser
{
    public static TestUser Recruiter { get; } = new("recruiter@test.local", [Application.Common.Identity.Roles.Recruiter]);

    public bool IsInRole(string role) => Roles.Contains(role);
}
