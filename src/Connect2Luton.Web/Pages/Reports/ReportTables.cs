using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;

namespace Connect2Luton.Web.Pages.Reports;

/// <summary>A workforce table as the reports show it: an id for the page, its heading, what each line is, and its CSV.</summary>
public sealed record WorkforceLinesTable(string Id, string Heading, string What, IReadOnlyList<Application.Reports.WorkforceLine> Lines, string CsvHref);

/// <summary>
/// The service filter every report and list shares: the services to choose from, with a stale or unknown choice read
/// as every service and said at the field, and the name of the service the figures turned out to be for.
/// </summary>
public sealed record ServiceChoice(int? Chosen, IReadOnlyList<SelectListItem> Items, IReadOnlyList<Application.ServiceAreas.ServiceAreaSummary> Areas)
{
    public const string Field = "Service";

    /// <param name="said">Where a service asked for that is not listed is said, at the <c>Service</c> field, if the reader is offered the choice (<paramref name="offered"/>).</param>
    /// <param name="shown">What the page shows, as the message names it: "the figures below are" on a report, "the timesheets below are" on a list.</param>
    public static async Task<ServiceChoice> ReadAsync(ReferenceNames names, int? chosen, ModelStateDictionary said, bool offered, CancellationToken cancellationToken, string shown = "the figures below are")
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(said);
        var areas = await names.ServiceAreasAsync(cancellationToken);
        // Someone not offered the choice sees their own service's, whatever the address says: what it names is not read.
        var known = offered && chosen is { } id && areas.Any(a => a.Id == id) ? chosen : null;
        // An address edited, or kept from before a service was taken off the list: the figures are every service's, and the page says so.
        // Text that is no number at all is the same mistake, said the same way rather than in the binder's words.
        if (offered && known is null && (chosen is not null || FilterField.Unreadable(said, Field)))
            FilterField.Say(said, Field, $"That service area is not in the list: {shown} for every service area");
        else if (!offered) said.Remove(Field);
        return new ServiceChoice(known, areas.Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture), a.Id == known)).ToList(), areas);
    }

    public string? NameOf(int? serviceAreaId) => Areas.FirstOrDefault(a => a.Id == serviceAreaId)?.Name;
}

/// <summary>A filter's field on a report or list: what the binder could not read there is said once, in the page's words.</summary>
internal static class FilterField
{
    /// <summary>Whether the binder could not read what was given for a field (text that is no id).</summary>
    internal static bool Unreadable(ModelStateDictionary said, string field) => said.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    /// <summary>Says one thing at a field, in place of anything the binder said there (and of the text it could not read).</summary>
    internal static void Say(ModelStateDictionary said, string field, string message)
    {
        said.Remove(field);
        said.AddModelError(field, message);
    }
}

/// <summary>
/// The hiring-organisation filter every report and list shares: the organisations to choose from, a stale or unknown
/// choice (or text that is no id) read as every organisation and said at the field, and a report's scope narrowed to
/// the chosen one's services.
/// </summary>
public sealed record OrganisationChoice(int? Chosen, IReadOnlyList<SelectListItem> Items, string? Name)
{
    /// <summary>The field the choice is said at: the id of the select (<c>_OrganisationFilter</c> and the reports' own).</summary>
    public const string Field = "Organisation";

    /// <param name="narrowed">The report's scope, narrowed to the chosen organisation's services; none for a report or list that filters by organisation itself.</param>
    /// <param name="shown">What the page shows, as the message names it: "the figures below are" on a report, "the timesheets below are" on a list.</param>
    /// <param name="offered">Whether the reader is offered the choice: a hiring manager, who sees their own service's, is not, and what the address names is not read.</param>
    public static async Task<OrganisationChoice> ReadAsync(ReferenceNames names, ReportScope? narrowed, int? chosen, ModelStateDictionary said, CancellationToken cancellationToken,
        string shown = "the figures below are", bool offered = true)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(said);
        if (!offered)
        {
            said.Remove(Field);
            return new OrganisationChoice(null, [], null);
        }
        var organisations = await names.HiringOrganisationsAsync(cancellationToken);
        var known = organisations.FirstOrDefault(o => o.Id == chosen);
        if (known is null && (chosen is not null || FilterField.Unreadable(said, Field)))
            FilterField.Say(said, Field, $"That organisation is not in the list: {shown} for every organisation");
        if (known is not null && narrowed is not null)
            narrowed.NarrowToOrganisation([.. (await names.ServiceAreasAsync(cancellationToken)).Where(a => a.HiringOrganisationId == known.Id).Select(a => a.Id)]);
        return new OrganisationChoice(known?.Id, [.. organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture), o.Id == known?.Id))], known?.Name);
    }
}

/// <summary>A report's table as a CSV download.</summary>
public static class ReportCsv
{
    public static IActionResult Of<T>(string fileName, IEnumerable<T> rows) => new Forms.CsvDownload<T>(fileName, rows.ToAsyncEnumerable());

    /// <summary>The address of a table's CSV: the report's own filters, and which table.</summary>
    public static string Href(string page, string table, IReadOnlyDictionary<string, string?> filters) =>
        QueryHelpers.AddQueryString($"{page}?handler=Csv&table={Uri.EscapeDataString(table)}", filters.Where(f => !string.IsNullOrEmpty(f.Value)));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Hours as people write them in a spreadsheet: 7.5 and 225, not the 225.0 or 7.50 a sum in the database carries.</summary>
    public static decimal Hours(decimal hours) => hours / 1.0000000000000000000000000000m;

    /// <summary>A fraction as a spreadsheet's percentage figure, to one decimal place (0.125 is 12.5).</summary>
    public static decimal Percent(decimal fraction) => Math.Round(fraction * 100m, 1, MidpointRounding.AwayFromZero);

    /// <summary>As the other overload; nothing to measure stays blank.</summary>
    public static decimal? Percent(decimal? fraction) => fraction is { } f ? Percent(f) : null;
}

/// <summary>
/// The "over how many months" filter the period reports share: a choice not offered is a year, the year is the
/// select's prompt, and the filters go into every CSV link.
/// </summary>
public static class MonthsFilter
{
    public static int Shown(int? months, int[] choices) => months is { } m && choices.Contains(m) ? m : 12;

    /// <summary>A period not offered (months=7), or text that is no number, is said at the field: the report shows 12 months.</summary>
    public static void Check(int? months, int[] choices, ModelStateDictionary said)
    {
        if (months is { } m && !choices.Contains(m) || FilterField.Unreadable(said, "Months"))
            FilterField.Say(said, "Months", "Choose a period from the list: the figures below are for 12 months");
    }

    public static IReadOnlyList<SelectListItem> Items(int[] choices, int shown) => choices.Where(m => m != 12)
        .Select(m => new SelectListItem($"{m} months", m.ToString(CultureInfo.InvariantCulture), m == shown)).ToList();

    public static IReadOnlyDictionary<string, string?> Filters(int? service, int months, int? organisation = null) => new Dictionary<string, string?>
    {
        ["service"] = service?.ToString(CultureInfo.InvariantCulture),
        ["organisation"] = organisation?.ToString(CultureInfo.InvariantCulture),
        ["months"] = months.ToString(CultureInfo.InvariantCulture),
    };
}
