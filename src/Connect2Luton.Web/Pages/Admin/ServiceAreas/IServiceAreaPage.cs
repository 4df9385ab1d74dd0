using Connect2Luton.Web.Forms;

namespace Connect2Luton.Web.Pages.Admin.ServiceAreas;

/// <summary>What the service area fields need from the page they are on.</summary>
public interface IServiceAreaPage
{
    ServiceAreaForm Input { get; }
}
