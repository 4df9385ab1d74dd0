using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Reports;

/// <summary>What the reports are and who they are for.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class IndexModel(ReportScope scope) : PageModel
{
    /// <summary>A hiring manager's reports show their own service only.</summary>
    public bool OwnServiceOnly => scope.IsOwnServiceOnly;

    public void OnGet()
    {
    }
}
