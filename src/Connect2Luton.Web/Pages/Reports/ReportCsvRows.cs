using CsvHelper;

namespace Connect2Luton.Web.Pages.Reports;

/// <summary>A line of a workforce table as a CSV row: money in pounds, committed spend (rate times contracted hours).</summary>
[CsvRecord]
public sealed partial record WorkforceCsvRow(
    [property: CsvColumn("Service area or job family")] string Name,
    [property: CsvColumn("Agency workers in post")] int Headcount,
    [property: CsvColumn("FTE")] decimal Fte,
    [property: CsvColumn("Committed weekly cost (£)")] decimal WeeklyCost,
    [property: CsvColumn("Committed yearly cost (£)")] decimal YearlyCost);

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
    [property: CsvColumn("Committed weekly cost (£)")] decimal WeeklyCost,
    [property: CsvColumn("Committed yearly cost (£)")] decimal YearlyCost,
    [property: CsvColumn("Margin in it a week (£)")] decimal WeeklyMargin);

[CsvRecord]
public sealed partial record MarginCsvRow(
    [property: CsvColumn("Supplied through")] string Kind,
    [property: CsvColumn("Agency workers in post")] int Headcount,
    [property: CsvColumn("Charged a week (£)")] decimal WeeklyCharged,
    [property: CsvColumn("At external agencies' margins a week (£)")] decimal WeeklyAtExternalMargins,
    [property: CsvColumn("Saving a week (£)")] decimal WeeklySaving,
    [property: CsvColumn("Saving a year (£)")] decimal YearlySaving);

[CsvRecord]
public sealed partial record LongRunningCsvRow(
    [property: CsvColumn("Placement")] int PlacementId,
    [property: CsvColumn("Worker")] string Worker,
    [property: CsvColumn("Role")] string Role,
    [property: CsvColumn("Service area")] string ServiceArea,
    [property: CsvColumn("Start date")] string StartDate,
    [property: CsvColumn("Weekly hours")] decimal WeeklyHours,
    [property: CsvColumn("Charge rate (£ an hour)")] decimal ChargeRate,
    [property: CsvColumn("A year through the agency (£)")] decimal YearlyAgencyCost,
    [property: CsvColumn("A year of the permanent post (£)")] decimal YearlyPermanentCost,
    [property: CsvColumn("Extra a year through the agency (£)")] decimal YearlyExtra);
