using System.Globalization;
using Connect2Luton.Application.Requisitions;
using CsvHelper;

namespace Connect2Luton.Web.Forms;

/// <summary>A requisition as a row of the requisitions export. Dates are ISO (yyyy-MM-dd) so spreadsheets read them as dates.</summary>
[CsvRecord]
public sealed partial record RequisitionCsvRow(
    [property: CsvColumn("Requisition")] int Id,
    string Title,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Job role")] string JobRole,
    string Status,
    string Reason,
    [property: CsvColumn("Start date")] string StartDate,
    [property: CsvColumn("End date")] string EndDate,
    [property: CsvColumn("Weekly hours")] decimal WeeklyHours,
    [property: CsvColumn("Maximum pay rate (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal MaximumPayRate,
    [property: CsvColumn("Workers asked for")] int Positions,
    [property: CsvColumn("Workers placed")] int PositionsFilled,
    [property: CsvColumn("Raised by")] string RaisedBy,
    [property: CsvColumn("Raised at")] string RaisedAt)
{
    public static RequisitionCsvRow From(RequisitionListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var r = item.Row;
        return new RequisitionCsvRow(r.Id, r.Title, item.ServiceArea, item.JobRole, StatusTags.For(r.Status).Text, Words.Of(r.Reason),
            r.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.WeeklyHours, r.MaximumPayRate, r.Positions, r.PositionsFilled, r.RaisedBy, r.RaisedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }
}

/// <summary>A worker as a row of the workers export.</summary>
[CsvRecord]
public sealed partial record WorkerCsvRow(
    [property: CsvColumn("Worker")] int Id,
    string Name,
    string Email,
    string Postcode,
    [property: CsvColumn("Job family")] string JobFamily,
    [property: CsvColumn("Supplied by")] string SupplyAgency,
    [property: CsvColumn("Checks")] string Checks,
    [property: CsvColumn("Right to work ends")] string RightToWorkEnds,
    [property: CsvColumn("Registration ends")] string RegistrationEnds)
{
    public static WorkerCsvRow From(Application.Workers.WorkerListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var r = item.Row;
        return new WorkerCsvRow(r.Id, r.Name, r.Email, r.Postcode, Words.Of(r.JobFamily), item.SupplyAgency, item.NeedsAttention ? "Need attention" : "In order",
            r.RightToWorkExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            r.RegistrationExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
    }
}

/// <summary>A placement as a row of the placements export.</summary>
[CsvRecord]
public sealed partial record PlacementCsvRow(
    [property: CsvColumn("Placement")] int Id,
    string Worker,
    [property: CsvColumn("Supplied by")] string Supplier,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Job role")] string JobRole,
    string Status,
    [property: CsvColumn("Start date")] string StartDate,
    [property: CsvColumn("End date")] string EndDate,
    [property: CsvColumn("Weeks")] int Weeks,
    [property: CsvColumn("Weekly hours")] decimal WeeklyHours,
    [property: CsvColumn("Pay rate (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal PayRate,
    [property: CsvColumn("Charge rate (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal ChargeRate,
    [property: CsvColumn("Over a cap")] string OverCap)
{
    public static PlacementCsvRow From(Application.Placements.PlacementListItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        var r = item.Row;
        return new PlacementCsvRow(r.Id, item.Worker, item.Supplier, item.ServiceArea, item.JobRole, StatusTags.For(r.Status, r.StartDate, today).Text,
            r.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (r.ActualEndDate ?? r.PlannedEndDate).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            item.WeeksInPost, r.WeeklyHours, r.PayRate, r.ChargeRate, r.OverCap ? "Yes" : "No");
    }
}

/// <summary>A week's timesheet as a row of the timesheets export: as the list shows it, hours as people write them.</summary>
[CsvRecord]
public sealed partial record TimesheetCsvRow(
    [property: CsvColumn("Placement")] int PlacementId,
    string Worker,
    [property: CsvColumn("Supplied by")] string Supplier,
    [property: CsvColumn("Job role")] string JobRole,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Week starting")] string WeekStart,
    [property: CsvColumn("Correction")] string Correction,
    string Status,
    [property: CsvColumn("Hours")] decimal Hours,
    [property: CsvColumn("Charge, or for a correction the change it makes (£)"), CsvConverter(typeof(CsvMoneyOrBlank))] decimal? Charge)
{
    public static TimesheetCsvRow From(Application.Timesheets.TimesheetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var d = row.Data;
        // Hours not yet sent are not priced: the list leaves their charge blank, and so does the file.
        return new TimesheetCsvRow(d.PlacementId, row.Worker, row.Supplier, row.JobRole, row.ServiceArea, d.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            d.Sequence > 0 ? "Yes" : "No", Words.Timesheet(d.Status), Pages.Reports.ReportCsv.Hours(d.Hours),
            d.Status == Domain.Timesheets.TimesheetStatus.Draft ? null : d.Charge);
    }
}

/// <summary>A placement with last week's hours not sent, as a row of that list's export.</summary>
[CsvRecord]
public sealed partial record MissingTimesheetCsvRow(
    [property: CsvColumn("Placement")] int PlacementId,
    string Worker,
    [property: CsvColumn("Supplied by")] string Supplier,
    [property: CsvColumn("Job role")] string JobRole,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Week starting")] string WeekStart);

/// <summary>An approved week owed pay since a back-dated rate change, as a row of the AWR underpayments export.</summary>
[CsvRecord]
public sealed partial record UnderpaymentCsvRow(
    [property: CsvColumn("Placement")] int PlacementId,
    string Worker,
    [property: CsvColumn("Job role")] string JobRole,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Week starting")] string WeekStart,
    [property: CsvColumn("Hours")] decimal Hours,
    [property: CsvColumn("Paid (£)"), CsvConverter(typeof(CsvMoney))] decimal Paid,
    [property: CsvColumn("Owed (£)"), CsvConverter(typeof(CsvMoney))] decimal Owed);
