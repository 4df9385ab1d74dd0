using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Web.Forms;
using Connect2Luton.Web.Pages.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Timesheets;

/// <summary>
/// Approved weeks owed pay since a back-dated rate change (AWR pay parity), in the services the user sees; narrowed,
/// as the timesheets list is, to a service and to the organisation the weeks were charged to.
/// </summary>
[Authorize(Policy = Permissions.SeeTimesheets)]
public sealed class UnderpaidModel(Underpayments underpayments, ReferenceNames names, DataScope scope) : PageModel
{
    private const string Shown = "the weeks below are";

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service area")]
    public int? Service { get; set; }

    /// <summary>The organisation the weeks were charged to; one not on the list is said at the field, and every organisation's are listed.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public bool ShowsServiceFilter => scope.SeesEveryService;

    public IReadOnlyList<Underpayment> Weeks { get; private set; } = [];

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["service"] = Service?.ToString(CultureInfo.InvariantCulture),
        ["organisation"] = Organisation?.ToString(CultureInfo.InvariantCulture),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ChooseAsync(cancellationToken);
        Weeks = await underpayments.ListAsync(Service, Organisation, cancellationToken);
    }

    /// <summary>The weeks owed, as CSV; a filter that could not be read downloads nothing in its place, and the page says which.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        if (!ModelState.IsValid) return Page();
        return ReportCsv.Of("awr-underpayments.csv", Weeks.Select(w => new UnderpaymentCsvRow(w.PlacementId, w.Worker, w.JobRole, w.ServiceArea,
            ReportCsv.Day(w.WeekStart), ReportCsv.Hours(w.Hours), w.Paid, w.Owed)));
    }

    private async Task ChooseAsync(CancellationToken cancellationToken)
    {
        var organisation = await OrganisationChoice.ReadAsync(names, narrowed: null, Organisation, ModelState, cancellationToken, Shown, offered: ShowsServiceFilter);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        var service = await ServiceChoice.ReadAsync(names, Service, ModelState, ShowsServiceFilter, cancellationToken, Shown);
        Service = service.Chosen;
        Services = service.Items;
    }
}
