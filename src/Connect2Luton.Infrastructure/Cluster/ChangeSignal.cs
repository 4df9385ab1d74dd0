namespace Connect2Luton.Infrastructure.Cluster;

/// <summary>
/// How many changes to one kind of record every server together has signalled: a row a kind, raised after each
/// commit. A server that sees a count move that it did not raise drops what it cached from that kind.
/// </summary>
internal sealed class ChangeSignal
{
    public const int KindLength = 200;

    private ChangeSignal() => Kind = string.Empty;

    public ChangeSignal(string kind, long count)
    {
        Kind = kind;
        Count = count;
    }

    /// <summary>The kind of record, by its type's full name.</summary>
    public string Kind { get; private set; }

    public long Count { get; private set; }
}
