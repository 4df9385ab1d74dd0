using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Reports;

/// <summary>What the reports are and who they are for.</summary>
[Authorize(Roles = Readers)]
public sealed class IndexModel(ReportScope scope) : PageModel
{
    /// <summary>Everyone with a role reads reports; a hiring manager's show their own service only.</summary>
    public const string Readers = $"{Roles.HiringManager},{Roles.Recruiter},{Roles.PolicyOfficer},{Roles.Admin}";

    public bool OwnServiceOnly => scope.IsOwnServiceOnly;

    public void OnGet()
    {
    }
}
