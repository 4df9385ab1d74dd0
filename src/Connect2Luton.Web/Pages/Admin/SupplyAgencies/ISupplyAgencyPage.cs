using Connect2Luton.Web.Forms;

namespace Connect2Luton.Web.Pages.Admin.SupplyAgencies;

/// <summary>What the supply agency fields need from the page they are on.</summary>
public interface ISupplyAgencyPage
{
    SupplyAgencyForm Input { get; }
}
