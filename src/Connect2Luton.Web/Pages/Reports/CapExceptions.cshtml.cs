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

/// <summary>The cap exception register: every rate signed off above its cap, with the rule version, approvers and reason.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class CapExceptionsModel(CapExceptionRegister register, ConversionsReport periods, ReportScope scope, ReferenceNames names) : PageModel
{
    public static readonly int[] MonthChoices = [3, 6, 12, 24, 36];

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

    public IReadOnlyList<CapExceptionEntry> Entries { get; private set; } = [];

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

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
        (From, To) = (yearFrom.AddMonths(12 - MonthsShown), to);
        Entries = await register.ListAsync(From, To, Service, cancellationToken);
        Services = choice.Items;
        ServiceName = choice.NameOf(scope.ServiceArea(Service)) ?? Organisations.FirstOrDefault(o => o.Selected)?.Text;
    }

    /// <summary>The register as CSV (its one table, "register", as the other reports name theirs).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (table != "register") return NotFound();
        await OnGetAsync(cancellationToken);
        // A download is of what was asked for: a filter that could not be read downloads nothing in its place, and the page says which.
        if (!ModelState.IsValid) return Page();
        return ReportCsv.Of("cap-exception-register.csv", Entries.Select(e => new CapExceptionCsvRow(e.PlacementId, e.Worker, e.Role, e.ServiceArea,
            ReportCsv.Day(e.StartDate), ReportCsv.Day(e.EndDate), e.PayRate, e.ChargeRate, e.Measured, e.Cap, e.RuleSetVersion ?? string.Empty, e.Standing, e.Approvers, e.Reason,
            e.RecordedBy, e.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))));
    }
}
