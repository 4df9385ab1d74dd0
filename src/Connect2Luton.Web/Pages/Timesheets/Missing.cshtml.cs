using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Web.Forms;
using Connect2Luton.Web.Pages.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Timesheets;

/// <summary>
/// Placements live last week with no hours sent for it, in the services the user sees: what Monday's reminder goes
/// out about. Narrowed, as the placements list is, to a service and to a hiring organisation's services.
/// </summary>
[Authorize(Policy = Permissions.SeeTimesheets)]
public sealed class MissingModel(MissingTimesheets missing, ReferenceNames names, DataScope scope, TimeProvider clock) : PageModel
{
    public const int Most = 200;

    private const string Shown = "the placements below are";

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service area")]
    public int? Service { get; set; }

    /// <summary>Only the placements of one hiring organisation's services; one not on the list is said at the field, and every organisation's are listed.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public bool ShowsServiceFilter => scope.SeesEveryService;

    public DateOnly Week { get; private set; }

    public IReadOnlyList<MissingTimesheet> Rows { get; private set; } = [];

    public bool More { get; private set; }

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["service"] = Service?.ToString(CultureInfo.InvariantCulture),
        ["organisation"] = Organisation?.ToString(CultureInfo.InvariantCulture),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var serviceAreas = await ChooseAsync(cancellationToken);
        (Rows, More) = await missing.ListAsync(Week, serviceAreas, Most, cancellationToken);
    }

    /// <summary>Every placement the filters match (not only the first <see cref="Most"/>), as CSV; a filter that could not be read downloads nothing in its place, and the page says which.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var serviceAreas = await ChooseAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            (Rows, More) = await missing.ListAsync(Week, serviceAreas, Most, cancellationToken);
            return Page();
        }
        return new CsvDownload<MissingTimesheetCsvRow>($"hours-not-sent-week-of-{Week:yyyy-MM-dd}.csv", CsvRows(serviceAreas, cancellationToken));
    }

    private async IAsyncEnumerable<MissingTimesheetCsvRow> CsvRows(IReadOnlyCollection<int>? serviceAreas, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var week = Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await foreach (var row in missing.EveryAsync(Week, serviceAreas, cancellationToken))
            yield return new MissingTimesheetCsvRow(row.Placement.Id, row.Worker, row.Supplier, row.JobRole, row.ServiceArea, week);
    }

    /// <summary>The services read: the user's own if they are limited to one, else the one chosen, narrowed to the organisation's.</summary>
    private async Task<IReadOnlyCollection<int>?> ChooseAsync(CancellationToken cancellationToken)
    {
        Week = TimesheetWeek.MondayOf(clock.Today()).AddDays(-7);
        var organisation = await OrganisationChoice.ReadAsync(names, narrowed: null, Organisation, ModelState, cancellationToken, Shown, offered: ShowsServiceFilter);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        var service = await ServiceChoice.ReadAsync(names, Service, ModelState, ShowsServiceFilter, cancellationToken, Shown);
        Service = service.Chosen;
        Services = service.Items;
        return await names.OfOrganisationAsync(scope.Within(Service), Organisation, cancellationToken);
    }
}
