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

/// <summary>What came of the conversion prompts: raised, offers, conversions, declines, and the yearly savings.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class ConversionsModel(ConversionsReport report, ReportScope scope, ReferenceNames names) : PageModel
{
    public static readonly int[] MonthChoices = [3, 6, 12, 24];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service area")]
    public int? Service { get; set; }

    /// <summary>The hiring organisation whose services are counted; none: every organisation's.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Organisation")]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    /// <summary>How many months back, this one included; anything not offered is a year.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Months { get; set; }

    public int MonthsShown => MonthsFilter.Shown(Months, MonthChoices);

    public IReadOnlyList<SelectListItem> MonthItems => MonthsFilter.Items(MonthChoices, MonthsShown);

    public ConversionFigures Figures { get; private set; } = null!;

    public bool ChoosesService => !scope.IsOwnServiceOnly;

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public string? ServiceName { get; private set; }

    public IReadOnlyDictionary<string, string?> Filters => MonthsFilter.Filters(Service, MonthsShown, Organisation);

    /// <summary>How many conversions a page lists; the CSV has them all.</summary>
    public const int RowsShown = 50;

    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ConversionSaving> Conversions { get; private set; } = [];

    public Pager ConversionsPager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MonthsFilter.Check(Months, MonthChoices, ModelState);
        var organisation = await OrganisationChoice.ReadAsync(names, scope, Organisation, ModelState, cancellationToken, offered: ChoosesService);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        var choice = await ServiceChoice.ReadAsync(names, Service, ModelState, ChoosesService, cancellationToken);
        Service = choice.Chosen;
        var (yearFrom, to) = report.DefaultPeriod();
        var from = yearFrom.AddMonths(12 - MonthsShown);
        Figures = await report.GetAsync(from, to, Service, cancellationToken);
        Services = choice.Items;
        ServiceName = choice.NameOf(Figures.ServiceAreaId) ?? Organisations.FirstOrDefault(o => o.Selected)?.Text;
        (Conversions, ConversionsPager) = Pager.Of(Figures.Conversions, PageNumber, RowsShown, "/Reports/Conversions", Filters);
    }

    /// <summary>The conversions with their savings, or the month-by-month counts, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        // A download is of what was asked for: a filter that could not be read downloads nothing in its place, and the page says which.
        if (!ModelState.IsValid) return Page();
        return table switch
        {
            "savings" => ReportCsv.Of("conversion-savings.csv", Figures.Conversions.Select(c => new ConversionSavingCsvRow(
                c.PlacementId, c.Worker, c.ServiceArea, c.PermanentStartDate is { } day ? ReportCsv.Day(day) : string.Empty, c.YearlySaving))),
            "by-month" => ReportCsv.Of("conversion-prompts-by-month.csv", Figures.ByMonth.Select(m => new ConversionMonthCsvRow(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Raised, m.Converted))),
            _ => NotFound(),
        };
    }
}
