namespace Connect2Luton.Proxy;

// A Main of its own rather than top-level statements: the Web SDK makes a top-level Program public, and the tests
// that start this proxy in their own process also see the app's Program.
internal static class ProxyProgram
{
    /// <summary>
    /// dotnet benchmarks/Connect2Luton.Proxy/bin/Release/net10.0/Connect2Luton.Proxy.dll \
    ///   --urls http://127.0.0.1:5095 --nodes http://127.0.0.1:5101,http://127.0.0.1:5102
    /// Each request to the next node in turn; see NodeProxy for what happens when one stops answering.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        var nodes = Nodes(args);
        if (nodes.Count == 0)
        {
            await Console.Error.WriteLineAsync("Name the app's nodes: --nodes http://127.0.0.1:5101,http://127.0.0.1:5102 (and where to listen: --urls http://127.0.0.1:5095).");
            return 2;
        }
        await using var app = NodeProxy.Build(args, nodes);
        await app.RunAsync();
        return 0;
    }

    private static List<Uri> Nodes(string[] args)
    {
        var at = Array.IndexOf(args, "--nodes");
        if (at < 0 || at + 1 >= args.Length) return [];
        return [.. args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new Uri(n))];
    }
}
