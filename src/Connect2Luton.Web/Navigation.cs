namespace Connect2Luton.Web;

/// <summary>The service navigation. A section appears here when its pages exist, so no link leads nowhere.</summary>
internal static class Navigation
{
    public sealed record Item(string Section, string Text, string Path);

    public static IReadOnlyList<Item> Items { get; } =
    [
        new("Dashboard", "Dashboard", "/"),
        new("Requisitions", "Requisitions", "/Requisitions"),
        new("Workers", "Workers", "/Workers"),
        new("Placements", "Placements", "/Placements"),
        new("Rules", "Rules", "/Rules"),
    ];
}
