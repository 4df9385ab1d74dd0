using Connect2Luton.Proxy;

// dotnet benchmarks/Connect2Luton.Proxy/bin/Release/net10.0/Connect2Luton.Proxy.dll \
//   --urls http://127.0.0.1:5095 --nodes http://127.0.0.1:5101,http://127.0.0.1:5102
// Each request to the next node in turn; see NodeProxy for what happens when one stops answering.
var nodes = Nodes.Read(args);
if (nodes.Count == 0)
{
    await Console.Error.WriteLineAsync("Name the app's nodes: --nodes http://127.0.0.1:5101,http://127.0.0.1:5102 (and where to listen: --urls http://127.0.0.1:5095).");
    return 2;
}
var app = NodeProxy.Build(args, nodes);
await app.RunAsync();
return 0;

internal static class Nodes
{
    public static List<Uri> Read(string[] args)
    {
        var at = Array.IndexOf(args, "--nodes");
        if (at < 0 || at + 1 >= args.Length) return [];
        return [.. args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new Uri(n))];
    }
}
