using System.Globalization;

namespace Connect2Luton.Load;

/// <summary>Every request's time and outcome, from all clients at once.</summary>
internal sealed class Tally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _milliseconds = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private readonly List<double> _fromArrival = [];
    private readonly List<string> _lost = [];

    /// <summary>
    /// A node is killed during the run (benchmarks/load/cluster.sh): a request the load balancer answers for a node
    /// that went down under it, or whose connection it cut, is lost in flight rather than an error. Its save, if it
    /// was one, may or may not have been made, and the reconciliation allows either, but never twice.
    /// </summary>
    public bool NodesMayGoDown { get; set; }

    public int LostCount { get { lock (_gate) return _lost.Count; } }

    /// <summary>Off during the warm-up: its requests are neither timed nor counted.</summary>
    public bool Counting { get; set; }

    public int ErrorCount { get { lock (_gate) return _errors.Count; } }

    public void Record(string operation, TimeSpan took, string? error)
    {
        lock (_gate)
        {
            if (error is not null) _errors.Add($"{operation}: {error}");
            if (!Counting) return;
            if (!_milliseconds.TryGetValue(operation, out var times)) _milliseconds[operation] = times = [];
            times.Add(took.TotalMilliseconds);
        }
    }

    /// <summary>In the open loop: how long from an arrival being due to the last answer of what it did.</summary>
    public void Arrived(TimeSpan sinceDue)
    {
        lock (_gate)
        {
            if (Counting) _fromArrival.Add(sinceDue.TotalMilliseconds);
        }
    }

    /// <summary>A request lost in flight: not timed (its answer is the load balancer's, not the app's), counted apart.</summary>
    public void Lost(string operation, string what)
    {
        lock (_gate) _lost.Add($"{operation}: {what}");
    }

    public void Error(string message)
    {
        lock (_gate) _errors.Add(message);
    }

    /// <summary>The errors recorded after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<string> ErrorsAfter(int skip)
    {
        lock (_gate) return _errors.Skip(skip).ToList();
    }

    public void Print(TextWriter output, TimeSpan elapsed)
    {
        lock (_gate)
        {
            var all = _milliseconds.Values.SelectMany(t => t).Order().ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"operation",-28} {"requests",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}"));
            foreach (var (operation, times) in _milliseconds.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                var sorted = times.Order().ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operation,-28} {sorted.Count,9} {Percentile(sorted, 50),8:F1} {Percentile(sorted, 95),8:F1} {Percentile(sorted, 99),8:F1}"));
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-28} {all.Count,9} {Percentile(all, 50),8:F1} {Percentile(all, 95),8:F1} {Percentile(all, 99),8:F1}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Throughput: {all.Count / elapsed.TotalSeconds:F1} requests a second over {elapsed.TotalSeconds:F0} s; p95 {Percentile(all, 95):F1} ms; errors {_errors.Count}"));
            if (_fromArrival.Count > 0)
            {
                var arrivals = _fromArrival.Order().ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Open loop: {arrivals.Count / elapsed.TotalSeconds:F1} arrivals a second, each a read or a save with its form; from arrival to its last answer p50 {Percentile(arrivals, 50):F1} ms, p95 {Percentile(arrivals, 95):F1} ms, p99 {Percentile(arrivals, 99):F1} ms"));
            }
            if (NodesMayGoDown)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lost in flight: {_lost.Count} requests answered by the load balancer for a node that went down under them ({_lost.Count(l => l.Contains("POST", StringComparison.Ordinal))} of them saves, each reconciled as made once or not at all), not timed"));
                foreach (var lost in _lost.Take(5)) output.WriteLine("  lost: " + lost);
            }
            foreach (var error in _errors.Take(20)) output.WriteLine("  error: " + error);
        }
    }

    private static double Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
