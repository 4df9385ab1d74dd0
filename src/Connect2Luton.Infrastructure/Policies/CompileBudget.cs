using System.Diagnostics;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// The time a rule set may take to check and compile, spent step by step: each named value, rule and test case
/// checks it before it starts, so a rule set past its budget stops at the next step and is refused. The size
/// bounds keep any one step short; this keeps the sum of them short, at start and reload as on a save.
/// </summary>
internal sealed class CompileBudget(TimeSpan limit)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _writtenOut;
    private int _largestStretch;
    private int _deepest;
    private int _mostParts;

    /// <summary>The named value or rule being compiled, for pointing at it when the budget runs out.</summary>
    public string? Working { get; private set; }

    public void Start(string owner)
    {
        Check();
        Working = owner;
    }

    public void Check()
    {
        if (_clock.Elapsed > limit) throw new SpentException();
    }

    /// <summary>Counts an expression as it is written out for the parser, for the figures.</summary>
    public void Measured(int length, ExpressionShape shape)
    {
        _writtenOut += length;
        _deepest = Math.Max(_deepest, shape.Depth);
        _mostParts = Math.Max(_mostParts, shape.Parts);
    }

    /// <summary>
    /// A new stretch of days (named values changed from a date) is compiled: the written-out size, bounded for each
    /// stretch, is reported for the largest of them.
    /// </summary>
    public void NextStretch()
    {
        _largestStretch = Math.Max(_largestStretch, _writtenOut);
        _writtenOut = 0;
    }

    public CompileFigures Figures() => new(_clock.Elapsed, Math.Max(_largestStretch, _writtenOut), _deepest, _mostParts);

    /// <summary>The budget is spent: thrown from a step's start, caught where the compile began.</summary>
#pragma warning disable CA1064, CA1032 // Never leaves the compiler.
    internal sealed class SpentException : Exception;
#pragma warning restore CA1064, CA1032
}
