using Connect2Luton.Web.Forms;

namespace Connect2Luton.Web.Pages.Admin.Organisations;

/// <summary>What the organisation fields need from the page they are on.</summary>
public interface IOrganisationPage
{
    HiringOrganisationForm Input { get; }
}
