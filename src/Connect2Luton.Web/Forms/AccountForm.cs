using System.Globalization;
using Connect2Luton.Application.Users;

namespace Connect2Luton.Web.Forms;

/// <summary>The account form as posted: who, the roles ticked (by name), and the service a hiring manager acts for.</summary>
public sealed class AccountForm
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public List<string> Roles { get; set; } = [];

    [System.ComponentModel.DataAnnotations.Display(Name = "The service")]
    public int? ServiceAreaId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "The agency")]
    public int? SupplyAgencyId { get; set; }

    public UserAccountInput Read() => new(Email, Name, [.. Roles.Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal)], ServiceAreaId, SupplyAgencyId);

    public static AccountForm From(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new AccountForm { Email = account.Email, Name = account.Name, Roles = [.. account.Roles], ServiceAreaId = account.ServiceAreaId, SupplyAgencyId = account.SupplyAgencyId };
    }

    /// <summary>A role as people say it: "HiringManager" reads "Hiring manager".</summary>
    public static string RoleInWords(string role) => role == Application.Common.Identity.Roles.AgencyStaff ? "Agency staff" : Words.Field(role);

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
