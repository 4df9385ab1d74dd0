using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Admin.Users;

/// <summary>What the account fields need from the page they are on.</summary>
public interface IAccountPage
{
    AccountForm Input { get; }

    IReadOnlyList<SelectListItem> ServiceAreas { get; }

    IReadOnlyList<SelectListItem> SupplyAgencies { get; }
}
