namespace Connect2Luton.Application.Jobs;

/// <summary>
/// One run of a nightly job, as its batches share it: the day it decides for, and the decisions already made. Many
/// placements have the same facts (the same role, the same weeks in post), and the rules decide the same facts the
/// same way, so each set of facts is decided once per version of the rules in a run. The memory is bounded, and a
/// run whose facts seldom repeat (the length check's carry each placement's own dates) stops remembering: there,
/// holding decisions only kept them alive for the garbage collector to copy.
/// </summary>
public sealed class NightlyRun(DateOnly today)
{
    private const int MostRemembered = 10_000;
    // Looked up this often before judging; remembering is worth it if at least one in ten is found.
    private const int Sample = 10_000;
    private const int FewestFound = Sample / 10;
    private readonly Dictionary<(string Version, object Facts), object> _decided = [];
    private int _lookedUp;
    private int _found;
    private bool _remembering = true;

    // Answers worked out at length and asked of many placements alike (the least pay the rules allow for a role on a
    // day): always remembered, bounded the same way.
    private readonly Dictionary<(string Version, object Question), object> _answered = [];

    public DateOnly Today => today;

    /// <summary>
    /// An answer the rules give the same for the same question under one version of them, worked out once in the run
    /// however seldom questions repeat (unlike <see cref="DecideOnceAsync"/>, which stops remembering then): for
    /// answers that take many decisions each.
    /// </summary>
    public async ValueTask<TAnswer> AnswerOnceAsync<TAnswer>(string ruleSetVersion, object question, Func<ValueTask<TAnswer>> answer)
        where TAnswer : notnull
    {
        ArgumentNullException.ThrowIfNull(answer);
        var key = (ruleSetVersion, question);
        if (_answered.TryGetValue(key, out var known)) return (TAnswer)known;
        var answered = await answer();
        if (_answered.Count >= MostRemembered) _answered.Clear();
        _answered[key] = answered;
        return answered;
    }

    public async ValueTask<TDecision> DecideOnceAsync<TFacts, TDecision>(string? ruleSetVersion, TFacts facts, Func<TFacts, ValueTask<TDecision>> decide)
        where TFacts : notnull
        where TDecision : notnull
    {
        ArgumentNullException.ThrowIfNull(decide);
        // A rule set that has never loaded has no version: every decision then goes to the policy, which says why.
        if (ruleSetVersion is null || !_remembering) return await decide(facts);
        var key = (ruleSetVersion, (object)facts);
        _lookedUp++;
        if (_decided.TryGetValue(key, out var known))
        {
            _found++;
            return (TDecision)known;
        }
        var decision = await decide(facts);
        if (_lookedUp >= Sample && _found < FewestFound)
        {
            _remembering = false;
            _decided.Clear();
            return decision;
        }
        if (_decided.Count >= MostRemembered) _decided.Clear();
        _decided[key] = decision;
        return decision;
    }
}
