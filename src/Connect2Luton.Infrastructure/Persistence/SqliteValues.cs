using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// Values already in the form SQLite stores them (integers, reals, UTF-8 text), made ahead of the statement that
/// writes them. Converting and encoding a night's rows (JSON, dates, amounts) is work that needs no lock, so it is
/// done before the transaction takes SQLite's one write lock, which the other nightly job is waiting on. Text is
/// written as Microsoft.Data.Sqlite writes it (its forms for dates, times and decimals), so the rows compare and
/// sort as rows written through EF; a value of a type it does not know is refused rather than guessed at.
/// A batch's values run to megabytes, which the runtime keeps on its large object heap, collected only with
/// everything else: so they are rented and returned, and the same few buffers serve every batch of a night.
/// </summary>
internal sealed class SqliteValues
{
    private static readonly ConcurrentBag<SqliteValues> Returned = [];

    // A buffer that grew past this for one unusual batch is let go rather than held for good.
    private const int MostTextKept = 16 * 1024 * 1024;

    private const string DateFormat = "yyyy\\-MM\\-dd";
    private const string DateTimeFormat = "yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFF";
    private const string DateTimeOffsetFormat = "yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFFzzz";
    private const string DecimalFormat = "0.0###########################";

    private readonly List<SqliteValue> _values = [];
    private readonly ArrayBufferWriter<byte> _text = new(64 * 1024);

    private SqliteValues()
    {
    }

    public static SqliteValues Rent() => Returned.TryTake(out var values) ? values : new SqliteValues();

    /// <summary>Gives the buffers back for the next batch; the values must not be read after.</summary>
    public void Return()
    {
        _values.Clear();
        _text.ResetWrittenCount();
        if (_text.Capacity <= MostTextKept) Returned.Add(this);
    }

    public int Count => _values.Count;

    public SqliteValue this[int index] => _values[index];

    public ReadOnlySpan<byte> TextOf(SqliteValue value) => _text.WrittenSpan.Slice(value.Offset, value.Length);

    /// <summary>Adds a value as the database provider gives it (after EF's conversions).</summary>
    public void Add(object? value)
    {
        switch (value)
        {
            case null or DBNull: _values.Add(new SqliteValue(SqliteValueKind.Null, 0, 0, 0)); break;
            case string text: AddText(text); break;
            case int number: AddInteger(number); break;
            case long number: AddInteger(number); break;
            case short number: AddInteger(number); break;
            case byte number: AddInteger(number); break;
            case bool flag: AddInteger(flag ? 1 : 0); break;
            case double number when !double.IsNaN(number): _values.Add(new SqliteValue(SqliteValueKind.Real, BitConverter.DoubleToInt64Bits(number), 0, 0)); break;
            case decimal amount: AddFormatted(amount, DecimalFormat); break;
            case DateOnly date: AddFormatted(date, DateFormat); break;
            case DateTime moment: AddFormatted(moment, DateTimeFormat); break;
            case DateTimeOffset moment: AddFormatted(moment, DateTimeOffsetFormat); break;
            default: throw new NotSupportedException($"A {value.GetType().Name} value cannot be written in bulk.");
        }
    }

    /// <summary>A place for the key of a record written in the same unit of work, known only once it is written.</summary>
    public void AddKeyOf(int referred) => _values.Add(new SqliteValue(SqliteValueKind.KeyOfReferred, referred, 0, 0));

    private void AddInteger(long number) => _values.Add(new SqliteValue(SqliteValueKind.Integer, number, 0, 0));

    private void AddText(string text)
    {
        var offset = _text.WrittenCount;
        var length = Encoding.UTF8.GetBytes(text, _text.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        _text.Advance(length);
        _values.Add(new SqliteValue(SqliteValueKind.Text, 0, offset, length));
    }

    private void AddFormatted<TValue>(TValue value, string format) where TValue : IUtf8SpanFormattable
    {
        var offset = _text.WrittenCount;
        int written;
        var size = 64;
        while (!value.TryFormat(_text.GetSpan(size), out written, format, CultureInfo.InvariantCulture)) size *= 2;
        _text.Advance(written);
        _values.Add(new SqliteValue(SqliteValueKind.Text, 0, offset, written));
    }
}

internal enum SqliteValueKind : byte
{
    Null,
    Integer,
    Real,
    Text,
    KeyOfReferred,
}

/// <summary>
/// One stored value: an integer (or the bits of a real, or the index of a referred record) in <see cref="Number"/>,
/// or text at <see cref="Offset"/> in its <see cref="SqliteValues"/>.
/// </summary>
internal readonly record struct SqliteValue(SqliteValueKind Kind, long Number, int Offset, int Length);
