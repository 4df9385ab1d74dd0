using System.Globalization;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Users;

namespace Connect2Luton.Web.Forms;

/// <summary>The account form as posted: who, a box for each role, and the service a hiring manager acts for.</summary>
public sealed class AccountForm
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public bool Recruiter { get; set; }
    public bool HiringManager { get; set; }
    public bool PolicyOfficer { get; set; }
    public bool Admin { get; set; }
    public int? ServiceAreaId { get; set; }

    public UserAccountInput Read() => new(Email, Name,
        [.. new[] { (Recruiter, Roles.Recruiter), (HiringManager, Roles.HiringManager), (PolicyOfficer, Roles.PolicyOfficer), (Admin, Roles.Admin) }.Where(r => r.Item1).Select(r => r.Item2)],
        ServiceAreaId);

    public static AccountForm From(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new AccountForm
        {
            Email = account.Email,
            Name = account.Name,
            Recruiter = account.Roles.Contains(Roles.Recruiter),
            HiringManager = account.Roles.Contains(Roles.HiringManager),
            PolicyOfficer = account.Roles.Contains(Roles.PolicyOfficer),
            Admin = account.Roles.Contains(Roles.Admin),
            ServiceAreaId = account.ServiceAreaId,
        };
    }

    /// <summary>A role as people say it: "Hiring manager".</summary>
    public static string RoleInWords(string role) => role switch
    {
        Roles.HiringManager => "Hiring manager",
        Roles.PolicyOfficer => "Policy officer",
        _ => role,
    };

    /// <summary>Field names of the commands, as this form names them.</summary>
    public static string FieldOf(string field) => field switch
    {
        UserAdministration.Fields.Roles => "Input.Recruiter",
        UserAdministration.Fields.ServiceArea => "Input.ServiceAreaId",
        _ => $"Input.{field}",
    };

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
