using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Reports;

/// <summary>Committed spend on the agency workforce, what the in-house agency saves against external margins, and the long-running placements.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class SpendModel(SpendReport report, ReportScope scope, ReferenceNames names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service area")]
    public int? Service { get; set; }

    /// <summary>The hiring organisation whose services are counted; none: every organisation's.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Organisation")]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public SpendFigures Figures { get; private set; } = null!;

    public bool ChoosesService => !scope.IsOwnServiceOnly;

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public string? ServiceName { get; private set; }

    /// <summary>The filters as the CSV links carry them, so a table downloads as it is shown.</summary>
    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["service"] = Service?.ToString(CultureInfo.InvariantCulture),
        ["organisation"] = Organisation?.ToString(CultureInfo.InvariantCulture),
    };

    public Task OnGetAsync(CancellationToken cancellationToken) => ReadAsync(cancellationToken);

    /// <summary>One of the report's tables as a CSV file: by-service, by-family, by-supplier, by-tier, margins or long-running (every one).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (table == "long-running")
        {
            await ChooseServiceAsync(cancellationToken);
            if (!ModelState.IsValid)
            {
                await ReadAsync(cancellationToken);
                return Page();
            }
            return ReportCsv.Of("long-running-placements.csv", (await report.EveryLongRunningAsync(Service, cancellationToken)).Select(p => new LongRunningCsvRow(
                p.PlacementId, p.Worker, p.Role, p.ServiceArea, ReportCsv.Day(p.StartDate), p.WeeklyHours, p.ChargeRate, p.YearlyAgencyCost, p.YearlyPermanentCost, p.YearlyExtra)));
        }
        await ReadAsync(cancellationToken);
        // A download is of what was asked for: a filter that could not be read downloads nothing in its place, and the page says which.
        if (!ModelState.IsValid) return Page();
        var f = Figures;
        return table switch
        {
            "by-service" => ReportCsv.Of("committed-spend-by-service.csv", f.ByService.Select(l => new WorkforceCsvRow(l.Name, l.Headcount, l.Fte, l.WeeklyCost, l.YearlyCost))),
            "by-family" => ReportCsv.Of("committed-spend-by-job-family.csv", f.ByJobFamily.Select(l => new WorkforceCsvRow(Words.Family(l.Name), l.Headcount, l.Fte, l.WeeklyCost, l.YearlyCost))),
            "by-supplier" => ReportCsv.Of("committed-spend-by-supplier.csv",
                f.BySupplier.Select(s => new SupplierCsvRow(s.Name, Words.Supplier(s.Kind), s.Headcount, s.WeeklyCost, s.YearlyCost, s.WeeklyMargin))),
            "by-tier" => ReportCsv.Of("agency-workers-in-post-by-tier.csv", f.ByTier.Select(t => new TierFillsCsvRow(
                Words.Supplier(t.Tier), t.Headcount, ReportCsv.Percent(t.Share), t.AverageWeeklyMargin, ReportCsv.Percent(t.MarginRate)))),
            "margins" => ReportCsv.Of("saving-against-external-margins.csv",
                f.Margins.Select(m => new MarginCsvRow(Words.Supplier(m.Kind), m.Headcount, m.WeeklyCharged, m.WeeklyAtExternalMargins, m.WeeklySaving, m.YearlySaving))),
            _ => NotFound(),
        };
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var choice = await ChooseServiceAsync(cancellationToken);
        Figures = await report.GetAsync(Service, cancellationToken);
        ServiceName = choice.NameOf(Figures.ServiceAreaId) ?? Organisations.FirstOrDefault(o => o.Selected)?.Text;
    }

    private async Task<ServiceChoice> ChooseServiceAsync(CancellationToken cancellationToken)
    {
        var organisation = await OrganisationChoice.ReadAsync(names, scope, Organisation, ModelState, cancellationToken, offered: ChoosesService);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        var choice = await ServiceChoice.ReadAsync(names, Service, ModelState, ChoosesService, cancellationToken);
        Service = choice.Chosen;
        Services = choice.Items;
        return choice;
    }
}
