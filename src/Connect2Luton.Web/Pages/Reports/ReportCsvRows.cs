using Connect2Luton.Web.Forms;
using CsvHelper;

namespace Connect2Luton.Web.Pages.Reports;

/// <summary>A line of a workforce table as a CSV row: money in pounds, committed spend (rate times contracted hours).</summary>
[CsvRecord]
public sealed partial record WorkforceCsvRow(
    [property: CsvColumn("Service area or job family")] string Name,
    [property: CsvColumn("Agency workers in post")] int Headcount,
    [property: CsvColumn("FTE")] decimal Fte,
    [property: CsvColumn("Committed weekly cost (£)"), CsvConverter(typeof(CsvMoney))] decimal WeeklyCost,
    [property: CsvColumn("Committed yearly cost (£)"), CsvConverter(typeof(CsvMoney))] decimal YearlyCost);

[CsvRecord]
public sealed partial record LengthBandCsvRow(
    [property: CsvColumn("Length in post")] string Band,
    [property: CsvColumn("Placements")] int Placements);

[CsvRecord]
public sealed partial record MonthCountCsvRow(
    [property: CsvColumn("On")] string On,
    [property: CsvColumn("Agency social workers in post")] int Placements);

[CsvRecord]
public sealed partial record SupplierCsvRow(
    [property: CsvColumn("Supplier")] string Name,
    [property: CsvColumn("Kind")] string Kind,
    [property: CsvColumn("Agency workers in post")] int Headcount,
    [property: CsvColumn("Committed weekly cost (£)"), CsvConverter(typeof(CsvMoney))] decimal WeeklyCost,
    [property: CsvColumn("Committed yearly cost (£)"), CsvConverter(typeof(CsvMoney))] decimal YearlyCost,
    [property: CsvColumn("Margin in it a week (£)"), CsvConverter(typeof(CsvMoney))] decimal WeeklyMargin);

[CsvRecord]
public sealed partial record MarginCsvRow(
    [property: CsvColumn("Supplied through")] string Kind,
    [property: CsvColumn("Agency workers in post")] int Headcount,
    [property: CsvColumn("Charged a week (£)"), CsvConverter(typeof(CsvMoney))] decimal WeeklyCharged,
    [property: CsvColumn("At external agencies' margins a week (£)"), CsvConverter(typeof(CsvMoney))] decimal WeeklyAtExternalMargins,
    [property: CsvColumn("Saving a week (£)"), CsvConverter(typeof(CsvMoney))] decimal WeeklySaving,
    [property: CsvColumn("Saving a year (£)"), CsvConverter(typeof(CsvMoney))] decimal YearlySaving);

/// <summary>Workers in post through a tier of supplier: the share in per cent, margins in pounds and per cent of pay and statutory costs.</summary>
[CsvRecord]
public sealed partial record TierFillsCsvRow(
    [property: CsvColumn("Supplied through")] string Tier,
    [property: CsvColumn("Agency workers in post")] int Headcount,
    [property: CsvColumn("Share of those in post (%)")] decimal Share,
    [property: CsvColumn("Average margin a week (£)"), CsvConverter(typeof(CsvMoneyOrBlank))] decimal? AverageWeeklyMargin,
    [property: CsvColumn("Margin (% of pay and statutory costs)")] decimal? MarginRate);

[CsvRecord]
public sealed partial record LongRunningCsvRow(
    [property: CsvColumn("Placement")] int PlacementId,
    [property: CsvColumn("Worker")] string Worker,
    [property: CsvColumn("Role")] string Role,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Start date")] string StartDate,
    [property: CsvColumn("Weekly hours")] decimal WeeklyHours,
    [property: CsvColumn("Charge rate (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal ChargeRate,
    [property: CsvColumn("A year through the agency (£)"), CsvConverter(typeof(CsvMoney))] decimal YearlyAgencyCost,
    [property: CsvColumn("A year of the permanent post (£)"), CsvConverter(typeof(CsvMoney))] decimal YearlyPermanentCost,
    [property: CsvColumn("Extra a year through the agency (£)"), CsvConverter(typeof(CsvMoney))] decimal YearlyExtra);

/// <summary>An assignment as DfE's quarterly return asks for it, in its order; dates ISO, pay in pounds an hour.</summary>
[CsvRecord]
public sealed partial record DfeAssignmentCsvRow(
    [property: CsvColumn("Role type")] string RoleType,
    [property: CsvColumn("Hourly pay rate (£)"), CsvConverter(typeof(CsvMoney))] decimal HourlyPayRate,
    [property: CsvColumn("Start date")] string StartDate,
    [property: CsvColumn("End date")] string EndDate,
    [property: CsvColumn("Social Work England registration number")] string RegistrationNumber,
    [property: CsvColumn("Project team")] string ProjectTeam);

[CsvRecord]
public sealed partial record DfeCapBreachCsvRow(
    [property: CsvColumn("Placement")] int PlacementId,
    [property: CsvColumn("Role type")] string RoleType,
    [property: CsvColumn("Hourly pay rate (£)"), CsvConverter(typeof(CsvMoney))] decimal PayRate,
    [property: CsvColumn("Measured against the cap (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal Measured,
    [property: CsvColumn("Cap (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal Cap,
    [property: CsvColumn("Signed off by")] string Approvers,
    [property: CsvColumn("Reason")] string Reason,
    [property: CsvColumn("Recorded by")] string RecordedBy,
    [property: CsvColumn("Recorded on")] string RecordedOn);

[CsvRecord]
public sealed partial record ConversionSavingCsvRow(
    [property: CsvColumn("Placement")] int PlacementId,
    [property: CsvColumn("Worker")] string Worker,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Permanent from")] string PermanentStartDate,
    [property: CsvColumn("Yearly saving (£)"), CsvConverter(typeof(CsvMoney))] decimal YearlySaving);

[CsvRecord]
public sealed partial record ConversionMonthCsvRow(
    [property: CsvColumn("Month")] string Month,
    [property: CsvColumn("Prompts raised")] int Raised,
    [property: CsvColumn("Conversions")] int Converted);

[CsvRecord]
public sealed partial record CapExceptionCsvRow(
    [property: CsvColumn("Placement")] int PlacementId,
    [property: CsvColumn("Worker")] string Worker,
    [property: CsvColumn("Role")] string Role,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Start date")] string StartDate,
    [property: CsvColumn("End date")] string EndDate,
    [property: CsvColumn("Pay rate (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal PayRate,
    [property: CsvColumn("Charge rate (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal ChargeRate,
    [property: CsvColumn("Measured against the cap (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal Measured,
    [property: CsvColumn("Cap (£ an hour)"), CsvConverter(typeof(CsvMoney))] decimal Cap,
    [property: CsvColumn("Rule version")] string RuleSetVersion,
    [property: CsvColumn("Where it stands")] string Standing,
    [property: CsvColumn("Signed off by")] string Approvers,
    [property: CsvColumn("Reason")] string Reason,
    [property: CsvColumn("Recorded by")] string RecordedBy,
    [property: CsvColumn("Recorded at")] string RecordedAt);

[CsvRecord]
public sealed partial record RefusalMonthCsvRow(
    [property: CsvColumn("Month")] string Month,
    [property: CsvColumn("Rule set")] string RuleSet,
    [property: CsvColumn("Refused")] int Refused);

[CsvRecord]
public sealed partial record RefusalCsvRow(
    [property: CsvColumn("Refused at")] string At,
    [property: CsvColumn("Rule set")] string RuleSet,
    [property: CsvColumn("Refused")] string Change,
    [property: CsvColumn("Requisition")] string RequisitionId,
    [property: CsvColumn("Worker")] string WorkerId,
    [property: CsvColumn("Placement")] string PlacementId,
    [property: CsvColumn("Rules that refused")] string Rules,
    [property: CsvColumn("Messages")] string Messages,
    [property: CsvColumn("Rule version")] string RuleSetVersion,
    [property: CsvColumn("Asked for by")] string By);

/// <summary>
/// A supplier's figures over the period, or a tier's or every supplier's ("In all"): rates in per cent, the wait in
/// working hours, margins in pounds and per cent; blank where there is nothing to measure.
/// </summary>
[CsvRecord]
public sealed partial record SupplierPerformanceCsvRow(
    [property: CsvColumn("Supplier")] string Supplier,
    [property: CsvColumn("Tier")] string Tier,
    [property: CsvColumn("Based in Luton")] string Local,
    [property: CsvColumn("DPS reference")] string DpsReference,
    [property: CsvColumn("Requisitions released")] int Released,
    [property: CsvColumn("Submissions")] int Submissions,
    [property: CsvColumn("Requisitions answered")] int Answered,
    [property: CsvColumn("Median working hours to first submission")] decimal? MedianWorkingHours,
    [property: CsvColumn("Shortlisted")] int Shortlisted,
    [property: CsvColumn("Placed")] int Placed,
    [property: CsvColumn("Requisitions filled")] int Filled,
    [property: CsvColumn("Fill rate (%)")] decimal? FillRate,
    [property: CsvColumn("Local residents placed")] int LocalResidentsPlaced,
    [property: CsvColumn("Average margin a week (£)"), CsvConverter(typeof(CsvMoneyOrBlank))] decimal? AverageWeeklyMargin,
    [property: CsvColumn("Margin (% of pay and statutory costs)")] decimal? MarginRate);

/// <summary>A line of the hours-worked report: approved hours and what they cost, against committed spend for the same weeks.</summary>
[CsvRecord]
public sealed partial record WorkedCsvRow(
    [property: CsvColumn("Organisation, service, job family or supplier")] string Name,
    [property: CsvColumn("Hours approved")] decimal Hours,
    [property: CsvColumn("Pay (£)"), CsvConverter(typeof(CsvMoney))] decimal Pay,
    [property: CsvColumn("Margin (£)"), CsvConverter(typeof(CsvMoney))] decimal Margin,
    [property: CsvColumn("Charged (£)"), CsvConverter(typeof(CsvMoney))] decimal Charge,
    [property: CsvColumn("Committed (£)"), CsvConverter(typeof(CsvMoney))] decimal Committed,
    [property: CsvColumn("Charged less committed (£)"), CsvConverter(typeof(CsvMoney))] decimal Difference,
    [property: CsvColumn("Charged as % of committed")] decimal? ShareOfCommitted);

/// <summary>A placement due AWR pay parity and not yet paid it.</summary>
[CsvRecord]
public sealed partial record ParityDueCsvRow(
    [property: CsvColumn("Placement")] int PlacementId,
    [property: CsvColumn("Worker")] string Worker,
    [property: CsvColumn("Job role")] string JobRole,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Flagged on")] string RaisedOn,
    [property: CsvColumn("What is due")] string Message);
