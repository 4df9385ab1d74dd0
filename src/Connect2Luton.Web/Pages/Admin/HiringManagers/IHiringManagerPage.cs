using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Admin.HiringManagers;

/// <summary>What the hiring manager fields need from the page they are on.</summary>
public interface IHiringManagerPage
{
    HiringManagerForm Input { get; }

    /// <summary>The services offered: those taking requisitions, and the one the manager is in now.</summary>
    IReadOnlyList<SelectListItem> ServiceAreas { get; }

    /// <summary>Their service follows their account, so it is not chosen here.</summary>
    bool ServiceFollowsAccount { get; }
}
