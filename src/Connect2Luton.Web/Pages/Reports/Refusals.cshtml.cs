using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Reports;

/// <summary>The bookings and extensions the rules refused, month by month and by the rule that refused them.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class RefusalsModel(RefusalsReport report, ConversionsReport periods, ReportScope scope, ReferenceNames names, IRuleSetCatalogue ruleSets) : PageModel
{
    public static readonly int[] MonthChoices = [3, 6, 12, 24, 36];

    /// <summary>How many of the latest refusals the page lists; the CSV has every one.</summary>
    public const int LatestShown = 50;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service area")]
    public int? Service { get; set; }

    /// <summary>The hiring organisation whose services are counted; none: every organisation's.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Organisation")]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Months { get; set; }

    public int MonthsShown => MonthsFilter.Shown(Months, MonthChoices);

    public IReadOnlyList<SelectListItem> MonthItems => MonthsFilter.Items(MonthChoices, MonthsShown);

    public RefusalFigures Figures { get; private set; } = null!;

    public bool ChoosesService => !scope.IsOwnServiceOnly;

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public string? ServiceName { get; private set; }

    public IReadOnlyDictionary<string, string?> Filters => MonthsFilter.Filters(Service, MonthsShown, Organisation);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MonthsFilter.Check(Months, MonthChoices, ModelState);
        var organisation = await OrganisationChoice.ReadAsync(names, scope, Organisation, ModelState, cancellationToken, offered: ChoosesService);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        var choice = await ServiceChoice.ReadAsync(names, Service, ModelState, ChoosesService, cancellationToken);
        Service = choice.Chosen;
        var (yearFrom, to) = periods.DefaultPeriod();
        Figures = await report.GetAsync(yearFrom.AddMonths(12 - MonthsShown), to, Service, cancellationToken);
        Services = choice.Items;
        ServiceName = choice.NameOf(Figures.ServiceAreaId) ?? Organisations.FirstOrDefault(o => o.Selected)?.Text;
    }

    /// <summary>The month-by-month counts, or every refusal in the period, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        // A download is of what was asked for: a filter that could not be read downloads nothing in its place, and the page says which.
        if (!ModelState.IsValid) return Page();
        static string Id(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        return table switch
        {
            // A row a month and rule set, so a rule set added later is a new row rather than a new column.
            "by-month" => ReportCsv.Of("refusals-by-month.csv", Figures.ByMonth.SelectMany(m => Figures.RuleSets.Select(ruleSet =>
                new RefusalMonthCsvRow(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), ruleSets.DisplayNameOf(ruleSet), m.Of(ruleSet))))),
            "refusals" => ReportCsv.Of("refusals.csv", Figures.Refusals.Select(r => new RefusalCsvRow(
                r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ruleSets.DisplayNameOf(r.RuleSet), r.Change.ToString(),
                Id(r.RequisitionId), Id(r.WorkerId), Id(r.PlacementId), r.Rules, r.Messages, r.RuleSetVersion, r.By))),
            _ => NotFound(),
        };
    }
}
