using System.Reflection;
using System.Text.RegularExpressions;
using Connect2Luton.Application.Common.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Connect2Luton.Architecture.Tests;

/// <summary>
/// Who may do what is decided in one table (<see cref="Access"/>) and which records a user sees in one place
/// (<see cref="DataScope"/>). Checked in the source, so a role check written anywhere else fails here before review.
/// </summary>
public sealed partial class AccessTests
{
    // Where roles may be named: the table, the roles themselves, the two kinds of user that answer "is in role",
    // the policies made from the table, and the seeding that gives demo and bootstrap users their roles.
    private static readonly HashSet<string> MayNameRoles =
    [
        "Connect2Luton.Application/Common/Identity/Access.cs",
        "Connect2Luton.Application/Common/Identity/Roles.cs",
        "Connect2Luton.Application/Common/Identity/ICurrentUser.cs",
        "Connect2Luton.Web/Identity/HttpCurrentUser.cs",
        "Connect2Luton.Infrastructure/Identity/SystemUser.cs",
        "Connect2Luton.Web/WebRegistration.cs",
        "Connect2Luton.Infrastructure/Identity/IdentitySeeder.cs",
    ];

    [GeneratedRegex(@"IsInRole\s*\(|\bRoles\.(Recruiter|HiringManager|PolicyOfficer|Admin)\b|Authorize\s*\(\s*Roles|RequireRole\s*\(|ClaimTypes\.Role")]
    private static partial Regex RoleCheck();

    [Fact]
    public void No_code_outside_the_access_table_checks_a_role()
    {
        var source = Path.Combine(Repository.Root, "src");
        var offenders = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !MayNameRoles.Contains(f))
            .SelectMany(f => File.ReadLines(Path.Combine(source, f)).Select((line, i) => (File: f, Line: i + 1, Text: line.Trim())))
            .Where(l => RoleCheck().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        offenders.ShouldBeEmpty("ask user.May(Permissions.X) or [Authorize(Policy = Permissions.X)], and give roles permissions in Access");
    }

    [Fact]
    public void Every_page_authorizes_by_a_permission_in_the_access_table()
    {
        var attributes = Assembly.Load("Connect2Luton.Web").GetTypes()
            .SelectMany(t => t.GetCustomAttributes<AuthorizeAttribute>().Select(a => (Page: t.FullName, a.Roles, a.Policy)))
            .ToList();

        attributes.ShouldNotBeEmpty();
        attributes.ShouldAllBe(a => a.Roles == null);
        attributes.Where(a => a.Policy != null).ShouldAllBe(a => Access.Grants.ContainsKey(a.Policy!));
    }

    [Fact]
    public void Every_permission_is_held_by_known_roles_and_a_permission_nobody_wrote_down_is_held_by_nobody()
    {
        Access.Grants.Values.SelectMany(r => r).ShouldAllBe(role => Roles.All.Contains(role));
        typeof(Permissions).GetFields().Select(f => (string)f.GetValue(null)!).ShouldBe(Access.Grants.Keys, ignoreOrder: true);
        Access.Allows(_ => true, "ApproveRequisitons").ShouldBeFalse();
    }
}
