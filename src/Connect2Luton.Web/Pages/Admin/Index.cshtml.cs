using Connect2Luton.Application.Common.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin;

/// <summary>What an admin sets up: the people who sign in, the services, roles, agencies and managers everything refers to, and who holds the posts that sign off exceptions.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
