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
