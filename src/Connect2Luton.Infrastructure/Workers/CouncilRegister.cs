using Connect2Luton.Application.Workers;
using CsvHelper;

namespace Connect2Luton.Infrastructure.Workers;

/// <summary>
/// The register from the data file beside this class: the 153 English local authorities with children's social
/// care (upper-tier councils, after the 2023 reorganisations in Cumbria, North Yorkshire and Somerset) and their
/// ONS regions. A name is found as written or without its kind ("Bedford" finds Bedford Borough Council).
/// </summary>
internal sealed class CouncilRegister : ICouncilRegister
{
    private static readonly string[] Kinds = [" Metropolitan Borough Council", " Borough Council", " County Council", " City Council", " Council"];
    private readonly Dictionary<string, (string Council, string Region)> _byName = new(StringComparer.OrdinalIgnoreCase);

    public CouncilRegister()
    {
        using var stream = typeof(CouncilRegister).Assembly.GetManifestResourceStream("Connect2Luton.Infrastructure.Workers.english-childrens-services-authorities.csv")
            ?? throw new InvalidOperationException("The council register is built into the app.");
        using var csv = CsvReader.Create(stream, new CsvReaderOptions(), leaveOpen: false);
        var names = new List<string>();
        foreach (var row in csv.GetRecords<CouncilRow>())
        {
            names.Add(row.Council);
            _byName[row.Council] = (row.Council, row.Region);
            _byName.TryAdd(Core(row.Council), (row.Council, row.Region));
        }
        Names = names.Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> Names { get; }

    public (string Council, string Region)? Find(string name)
    {
        var trimmed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return _byName.TryGetValue(trimmed, out var found) || _byName.TryGetValue(Core(trimmed), out found) ? found : null;
    }

    private static string Core(string name)
    {
        foreach (var kind in Kinds)
        {
            if (name.EndsWith(kind, StringComparison.OrdinalIgnoreCase)) return name[..^kind.Length];
        }
        return name;
    }
}

/// <summary>A line of the register's data file.</summary>
[CsvRecord]
internal sealed partial record CouncilRow(string Council, string Region);
