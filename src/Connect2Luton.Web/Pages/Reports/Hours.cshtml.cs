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

/// <summary>Hours and cost worked from approved timesheets against committed spend, and AWR pay parity due and owed.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class HoursModel(HoursWorkedReport report, ReportScope scope, ReferenceNames names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service area")]
    public int? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Organisation")]
    public int? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Over")]
    public int? Weeks { get; set; }

    public HoursWorkedFigures Figures { get; private set; } = null!;

    public bool ChoosesService => !scope.IsOwnServiceOnly;

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public IReadOnlyList<SelectListItem> WeekItems { get; private set; } = [];

    public string? ServiceName { get; private set; }

    public string? OrganisationName { get; private set; }

    public int WeeksShown { get; private set; }

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["service"] = Service?.ToString(CultureInfo.InvariantCulture),
        ["organisation"] = Organisation?.ToString(CultureInfo.InvariantCulture),
        ["weeks"] = WeeksShown.ToString(CultureInfo.InvariantCulture),
    };

    public Task OnGetAsync(CancellationToken cancellationToken) => ReadAsync(cancellationToken);

    /// <summary>One of the report's tables as a CSV file: by-organisation, by-service, by-family, by-supplier or parity-due (every one).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (table == "parity-due")
        {
            await ChooseAsync(cancellationToken);
            if (!ModelState.IsValid) return await ShownAgainAsync(cancellationToken);
            return ReportCsv.Of("awr-pay-parity-due.csv", (await report.EveryParityDueAsync(Organisation, Service, cancellationToken))
                .Select(p => new ParityDueCsvRow(p.PlacementId, p.Worker, p.JobRole, p.ServiceArea, ReportCsv.Day(p.RaisedOn), p.Message)));
        }
        await ReadAsync(cancellationToken);
        // A download is of what was asked for: a filter that could not be read downloads nothing in its place, and the page says which.
        if (!ModelState.IsValid) return Page();
        var f = Figures;
        var period = $"{f.FirstWeek:yyyy-MM-dd}-to-{f.LastDay:yyyy-MM-dd}";
        return table switch
        {
            "by-organisation" => Csv($"hours-worked-by-organisation-{period}.csv", f.ByOrganisation, name => name),
            "by-service" => Csv($"hours-worked-by-service-{period}.csv", f.ByService, name => name),
            "by-family" => Csv($"hours-worked-by-job-family-{period}.csv", f.ByJobFamily, Words.Family),
            "by-supplier" => Csv($"hours-worked-by-supplier-{period}.csv", f.BySupplier, name => name),
            _ => NotFound(),
        };
    }

    private async Task<IActionResult> ShownAgainAsync(CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        return Page();
    }

    private static IActionResult Csv(string fileName, IEnumerable<WorkedLine> lines, Func<string, string> name) =>
        ReportCsv.Of(fileName, lines.Select(l => new WorkedCsvRow(name(l.Name), ReportCsv.Hours(l.Hours), l.Pay, l.Margin, l.Charge, l.Committed, l.Difference, ReportCsv.Percent(l.ShareOfCommitted))));

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var choice = await ChooseAsync(cancellationToken);
        Figures = await report.GetAsync(WeeksShown, Organisation, Service, cancellationToken);
        ServiceName = choice.NameOf(scope.ServiceArea(Service));
    }

    private async Task<ServiceChoice> ChooseAsync(CancellationToken cancellationToken)
    {
        WeeksShown = Weeks is { } w && HoursWorkedReport.WeekChoices.Contains(w) ? w : HoursWorkedReport.WeekChoices[0];
        // A period not offered (an address edited, or text that is no number) is said at the field, not quietly read as the default.
        if (WeeksShown != Weeks && (Weeks is not null || FilterField.Unreadable(ModelState, nameof(Weeks))))
            FilterField.Say(ModelState, nameof(Weeks), $"Choose a period from the list: the figures below are for {WeeksShown} weeks");
        Weeks = WeeksShown;
        WeekItems = [.. HoursWorkedReport.WeekChoices.Select(w => new SelectListItem($"{w} weeks", w.ToString(CultureInfo.InvariantCulture), w == WeeksShown))];
        var choice = await ServiceChoice.ReadAsync(names, Service, ModelState, ChoosesService, cancellationToken);
        Service = choice.Chosen;
        Services = choice.Items;
        // Hours stay with the organisation they were charged to, so the report filters by it itself, not by narrowing its scope.
        var organisation = await OrganisationChoice.ReadAsync(names, narrowed: null, Organisation, ModelState, cancellationToken, offered: ChoosesService);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        OrganisationName = organisation.Name;
        return choice;
    }
}
