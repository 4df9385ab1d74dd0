using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Reports;

/// <summary>How each supplier and tier performed over a period: released, put forward, answered, shortlisted, placed, filled, local residents and margin.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class SuppliersModel(SupplierPerformanceReport report, ReportScope scope, ReferenceNames names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service area")]
    public int? Service { get; set; }

    /// <summary>The hiring organisation whose services are counted; none: every organisation's.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Organisation")]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    /// <summary>The first day counted; left empty, the first of the month two months ago.</summary>
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    /// <summary>The last day counted; left empty, today.</summary>
    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    /// <summary>The figures; null while the period typed needs correcting.</summary>
    public SupplierPerformanceFigures? Figures { get; private set; }

    public bool ChoosesService => !scope.IsOwnServiceOnly;

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public string? ServiceName { get; private set; }

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["service"] = Service?.ToString(CultureInfo.InvariantCulture),
        ["organisation"] = Organisation?.ToString(CultureInfo.InvariantCulture),
        ["From.Day"] = From.Day, ["From.Month"] = From.Month, ["From.Year"] = From.Year,
        ["To.Day"] = To.Day, ["To.Month"] = To.Month, ["To.Year"] = To.Year,
    };

    public Task OnGetAsync(CancellationToken cancellationToken) => ReadAsync(cancellationToken);

    /// <summary>The table as CSV ("suppliers"): a row an agency in its tier, each tier in all, and every supplier in all.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (table != "suppliers") return NotFound();
        // A download is of what was asked for: a period or filter that could not be read downloads nothing in its place, and the page says which.
        if (!await ReadAsync(cancellationToken) || !ModelState.IsValid) return Page();
        var f = Figures!;
        var rows = f.Tiers.SelectMany(t => t.Agencies.Select(a => Row(a.Name, Words.Supplier(t.Tier), a.IsLocal ? "Yes" : "No", a.DpsReference ?? string.Empty, a.Figures))
                .Append(Row("In all", Words.Supplier(t.Tier), string.Empty, string.Empty, t.Subtotal)))
            .Append(Row("In all", "Every tier", string.Empty, string.Empty, f.Total));
        return ReportCsv.Of($"supplier-performance-{ReportCsv.Day(f.From)}-to-{ReportCsv.Day(f.To)}.csv", rows);
    }

    private static SupplierPerformanceCsvRow Row(string supplier, string tier, string local, string dps, SupplierFigures f) =>
        new(supplier, tier, local, dps, f.Released, f.Submissions, f.Answered,
            f.MedianWait is { } wait ? Math.Round((decimal)wait.TotalHours, 1, MidpointRounding.AwayFromZero) : null,
            f.Shortlisted, f.Placed, f.Filled, ReportCsv.Percent(f.FillRate), f.LocalResidentsPlaced, f.AverageWeeklyMargin, ReportCsv.Percent(f.MarginRate));

    /// <returns>Whether the period typed could be read; if not, its fields carry the reason.</returns>
    private async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        var organisation = await OrganisationChoice.ReadAsync(names, scope, Organisation, ModelState, cancellationToken, offered: ChoosesService);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        var choice = await ServiceChoice.ReadAsync(names, Service, ModelState, ChoosesService, cancellationToken);
        Service = choice.Chosen;
        Services = choice.Items;
        var (firstDay, lastDay) = report.DefaultPeriod();
        var from = From.IsEmpty ? firstDay : ModelState.Date(nameof(From), From, "The first day");
        var to = To.IsEmpty ? lastDay : ModelState.Date(nameof(To), To, "The last day");
        if (from is not { } start || to is not { } end) return false;
        var problems = report.Check(start, end);
        foreach (var (field, message) in problems.All) ModelState.AddModelError(field, message);
        if (problems.Any) return false;

        Figures = await report.GetAsync(start, end, Service, cancellationToken);
        ServiceName = choice.NameOf(Figures.ServiceAreaId) ?? Organisations.FirstOrDefault(o => o.Selected)?.Text;
        // The period as read, written the one way (the defaults filled in), for the fields and the CSV link.
        (From, To) = (DateInput.From(start), DateInput.From(end));
        foreach (var part in new[] { "Day", "Month", "Year" })
        {
            ModelState.Remove($"{nameof(From)}.{part}");
            ModelState.Remove($"{nameof(To)}.{part}");
        }
        return true;
    }
}
