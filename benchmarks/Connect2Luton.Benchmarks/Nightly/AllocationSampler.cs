using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Connect2Luton.Benchmarks.Nightly;

/// <summary>
/// NIGHTLY_ALLOCS=1: the runtime's own allocation samples (one about every 100 KB allocated, with the type that tipped it
/// over) and the objects the finalizer thread had to finalize, summed by type, to see what a night allocates and what
/// it leaves for finalization without an external profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> sampled = new();
    private readonly ConcurrentDictionary<ulong, string> typeNames = new();
    private readonly ConcurrentDictionary<ulong, long> finalized = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.Payload is null || e.PayloadNames is null) return;
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true)
        {
            var name = Value<string>(e, "TypeName") ?? "?";
            var amount = Convert.ToInt64(Value<object>(e, "AllocationAmount64") ?? Value<object>(e, "AllocationAmount") ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
            sampled.AddOrUpdate(name, amount, (_, total) => total + amount);
            if (Value<object>(e, "TypeID") is { } id) typeNames.TryAdd(Convert.ToUInt64(id, System.Globalization.CultureInfo.InvariantCulture), name);
        }
        else if (e.EventName == "FinalizeObject" && Value<object>(e, "TypeID") is { } typeId)
            finalized.AddOrUpdate(Convert.ToUInt64(typeId, System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
    }

    private static T? Value<T>(EventWrittenEventArgs e, string name) where T : class
    {
        var at = e.PayloadNames!.IndexOf(name);
        return at < 0 ? null : e.Payload![at] as T;
    }

    public void Print(int top = 25)
    {
        var total = sampled.Values.Sum();
        Console.WriteLine($"  allocation samples by type (about {total / 1024 / 1024:N0} MB sampled):");
        foreach (var (name, bytes) in sampled.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine($"    {bytes * 100.0 / total,5:N1}%  {bytes / 1024 / 1024,8:N0} MB  {name}");
        Console.WriteLine($"  finalized objects by type ({finalized.Values.Sum():N0} in all):");
        foreach (var (id, count) in finalized.OrderByDescending(p => p.Value).Take(15))
            Console.WriteLine($"    {count,10:N0}  {(typeNames.TryGetValue(id, out var n) ? n : $"type 0x{id:x}")}");
    }
}
