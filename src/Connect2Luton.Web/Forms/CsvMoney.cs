using System.Globalization;
using CsvHelper;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// How every CSV file writes an amount of money: pounds and pence, always two places (77.20, never 77.2), with no
/// £ sign or thousands separator, so a spreadsheet reads it as a number and a finance system as an amount.
/// </summary>
public sealed class CsvMoney : ICsvConverter<decimal>
{
    public const string Format = "0.00";

    public decimal Read(CsvReader reader, int index)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Parse<decimal>(index, CultureInfo.InvariantCulture);
    }

    public void Write(CsvWriter writer, decimal value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteField(value, Format, CultureInfo.InvariantCulture);
    }
}

/// <summary>An amount of money as <see cref="CsvMoney"/> writes one, or a blank cell where there is nothing to measure.</summary>
public sealed class CsvMoneyOrBlank : ICsvConverter<decimal?>
{
    public decimal? Read(CsvReader reader, int index)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsNull(index) ? null : reader.Parse<decimal>(index, CultureInfo.InvariantCulture);
    }

    public void Write(CsvWriter writer, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } amount) writer.WriteField(amount, CsvMoney.Format, CultureInfo.InvariantCulture);
        else writer.WriteField(string.Empty);
    }
}
