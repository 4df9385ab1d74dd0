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

/// <summary>The agency workforce in post today: by service, job family and length, and children's agency social workers over time.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class WorkforceModel(WorkforceReport report, ReportScope scope, ReferenceNames names) : PageModel
{
    public static readonly int[] MonthChoices = [6, 12, 24, 36];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service area")]
    public int? Service { get; set; }

    /// <summary>The hiring organisation whose services are counted; none: every organisation's.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Organisation")]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    /// <summary>How far back the social work trend goes; anything not offered falls back to a year.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Months { get; set; }

    /// <summary>The other lengths of trend on offer; a year is the prompt.</summary>
    public IReadOnlyList<SelectListItem> MonthItems => MonthsFilter.Items(MonthChoices, MonthsShown);

    public int MonthsShown => MonthsFilter.Shown(Months, MonthChoices);

    public WorkforceFigures Figures { get; private set; } = null!;

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
        Figures = await report.GetAsync(Service, MonthsShown, cancellationToken);
        Services = choice.Items;
        ServiceName = choice.NameOf(Figures.ServiceAreaId) ?? Organisations.FirstOrDefault(o => o.Selected)?.Text;
    }

    /// <summary>One of the report's tables as a CSV file: by-service, by-family, length or social-work.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        // A download is of what was asked for: a filter that could not be read downloads nothing in its place, and the page says which.
        if (!ModelState.IsValid) return Page();
        var f = Figures;
        return table switch
        {
            "by-service" => ReportCsv.Of("agency-workforce-by-service.csv", f.ByService.Select(l => new WorkforceCsvRow(l.Name, l.Headcount, l.Fte, l.WeeklyCost, l.YearlyCost))),
            "by-family" => ReportCsv.Of("agency-workforce-by-job-family.csv", f.ByJobFamily.Select(l => new WorkforceCsvRow(Words.Family(l.Name), l.Headcount, l.Fte, l.WeeklyCost, l.YearlyCost))),
            "length" => ReportCsv.Of("agency-placements-by-length.csv", f.LengthBands.Select(b => new LengthBandCsvRow(b.Band, b.Placements))),
            "social-work" => ReportCsv.Of("childrens-agency-social-workers-by-month.csv",
                f.SocialWork.Trend.Select(m => new MonthCountCsvRow(ReportCsv.Day(m.On), m.Placements))),
            _ => NotFound(),
        };
    }
}
