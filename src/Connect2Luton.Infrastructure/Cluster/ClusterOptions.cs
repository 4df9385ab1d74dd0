namespace Connect2Luton.Infrastructure.Cluster;

/// <summary>
/// The "Cluster" section of configuration: how this server keeps up with the others on the same database. Each
/// server checks the database every <see cref="CheckIntervalMilliseconds"/> for rule versions and changes other
/// servers recorded; a single server does the same, which costs two small reads a check.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>The name this server goes by on the rules pages and /health; the machine's name where unset.</summary>
    public string? NodeName { get; set; }

    /// <summary>
    /// How often the database is checked: the longest another server's saved rules or changes go unseen here, plus
    /// the moment a saving server takes to signal them.
    /// </summary>
    public int CheckIntervalMilliseconds { get; set; } = 2_000;

    public string Name => string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : NodeName.Trim();
}
