using System.Collections.Frozen;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>The outcome of offering a rule set: it now serves (with its version), or it was refused and why.</summary>
internal sealed record RuleSetLoadResult(string Name, string? Version, IReadOnlyList<RuleSetProblem> Problems)
{
    /// <summary>A new version went into service (not the same text offered again, not a refusal).</summary>
    public bool Changed { get; init; }

    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Holds the serving rule sets. A rule set offered to it (at start, from a changed file, from an officer's save)
/// goes through <see cref="RuleSetCompiler"/>, which compiles its rules with RulesEngine's parser and runs its
/// test cases through the engine; if it passes, it is warmed with every test case and swapped in with the other
/// serving sets whole, so a decision never sees half a change. If it fails, the last good version keeps serving
/// and the problems are kept for officers.
/// </summary>
internal sealed partial class RuleSetRegistry(RuleFileStore store, RuleSetModules modules, TimeProvider clock, ILogger<RuleSetRegistry> logger) : IRuleSetCatalogue, IRuleSetPublisher, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _statusLock = new();
    private Dictionary<string, IReadOnlyList<RuleSetProblem>> _problems = [];
    private volatile ServingSets? _serving;

    /// <summary>Raised after a rule set is reloaded from its files, whether it was taken or refused.</summary>
    public event EventHandler<RuleSetLoadResult>? Reloaded;

    public string Directory => store.Directory;

    public IReadOnlyList<RuleSetStatus> Current
    {
        get
        {
            var serving = _serving;
            Dictionary<string, IReadOnlyList<RuleSetProblem>> problems;
            lock (_statusLock) problems = new(_problems);
            return modules.All.Select(d =>
            {
                var set = serving?.Sets.GetValueOrDefault(d.Name);
                return new RuleSetStatus(d.Name, set?.Version, set is null ? null : serving!.LoadedAt[d.Name], problems.GetValueOrDefault(d.Name) ?? []) { DisplayName = d.DisplayName };
            }).ToList();
        }
    }

    public async Task<IReadOnlyList<RuleSetStatus>> LoadedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync(cancellationToken);
        return Current;
    }

    public string DisplayNameOf(string name) => modules.Find(name)?.DisplayName ?? name;

    public RuleSetView? Describe(string name)
    {
        var definition = modules.Find(name);
        if (definition is null) return null;
        var status = Current.Single(s => s.Name == name);
        var document = ServingVersionOf(name)?.Document;
        return new RuleSetView(
            status,
            document?.Description,
            document?.GlobalParams.Select(v => new NamedValueView(v.Name, v.Expression, v.Description,
                v.Changes.Select(c => new DatedExpression(c.From, c.Expression)).ToList(), v.Label, v.Type, v.Unit)).ToList() ?? [],
            document?.Rules.Select(r => new RuleView(r.RuleName, r.Expression, r.Properties.Description, r.Enabled, r.SuccessEvent, r.ErrorMessage,
                r.Properties.Outcome, r.Properties.Approvers, r.Properties.Flag, r.Properties.Tier, r.Properties.Points, r.Properties.AppliesWhen)).ToList() ?? [],
            FactDocumentation.Of(definition.FactType),
            definition.FailureOutcomesBySeverity,
            definition.OutcomesNeedingApprovers);
    }

    /// <summary>The serving version of a rule set, for screens and the rules workspace.</summary>
    public CompiledRuleSet? ServingVersionOf(string name) => _serving?.Sets.GetValueOrDefault(name);

    public ValueTask<Evaluation> EvaluateAsync(RuleSetDefinition definition, object facts, CancellationToken cancellationToken)
    {
        return _serving is { } serving ? ValueTask.FromResult(RuleSetEvaluator.Evaluate(ServingSet(serving, definition), facts)) : LoadThenEvaluateAsync();

        async ValueTask<Evaluation> LoadThenEvaluateAsync() =>
            RuleSetEvaluator.Evaluate(ServingSet(await EnsureLoadedAsync(cancellationToken), definition), facts);
    }

    /// <summary>The serving version of a rule set, loading the rules first if need be.</summary>
    public async ValueTask<CompiledRuleSet> ServingAsync(RuleSetDefinition definition, CancellationToken cancellationToken) =>
        ServingSet(_serving ?? await EnsureLoadedAsync(cancellationToken), definition);

    /// <summary>
    /// How long a decision stands (<see cref="DecisionLookahead"/>); a decision made by rules no longer serving is
    /// taken to change tomorrow.
    /// </summary>
    public async ValueTask<DateOnly> MayChangeOnAsync<TFacts>(
        RuleSetDefinition definition, Application.Policies.PolicyDecision decision, Func<DateOnly, TFacts> factsOn, DateOnly last, bool refusalOnly, CancellationToken cancellationToken)
        where TFacts : Application.Policies.IDatedFacts
    {
        ArgumentNullException.ThrowIfNull(decision);
        var served = await ServingAsync(definition, cancellationToken);
        return served.Version == decision.Version
            ? DecisionLookahead.MayChangeOn(served, decision, factsOn, last, refusalOnly)
            : ((TFacts)decision.Facts).AsOf.AddDays(1);
    }

    private CompiledRuleSet ServingSet(ServingSets serving, RuleSetDefinition definition)
    {
        if (serving.Sets.TryGetValue(definition.Name, out var ruleSet)) return ruleSet;
        var problems = Current.Single(s => s.Name == definition.Name).Problems;
        throw new PolicyUnavailableException(definition.Name, definition.DisplayName, $"The {definition.Name} rules have never loaded, so nothing can be decided with them: {string.Join("; ", problems)}");
    }

    /// <summary>Loads every rule set from its files, once; those that fail are reported and left out.</summary>
    public async Task<ServingSets> EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            if (_serving is { } loaded) return loaded;
            var sets = new List<CompiledRuleSet>();
            foreach (var definition in modules.All)
            {
                var (json, cases) = store.Read(definition);
                var (compiled, problems) = json is null
                    ? (null, [new RuleSetProblem(definition.FileName, null, null, $"The file is missing from {store.Directory}.")])
                    : RuleSetCompiler.Compile(definition, json, cases);
                Record(definition.Name, problems);
                if (compiled is not null) sets.Add(compiled);
                else LogRefusedAtStart(logger, definition.FileName, problems.Count, string.Join(" | ", problems));
            }
            foreach (var set in sets) LogServing(logger, set.Name, set.Version[..12], (long)set.Figures.Elapsed.TotalMilliseconds);
            return Swap(sets, sets.Select(s => s.Name));
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Re-reads one rule set's files, after they changed on disk. The files are read under the lock a save writes
    /// them under: a read taken before an officer's save and offered after it would put the older text back in
    /// service over the newer one.
    /// </summary>
    public Task<RuleSetLoadResult> ReloadAsync(RuleSetDefinition definition, CancellationToken cancellationToken = default) =>
        OfferAsync(definition, () => store.Read(definition), cancellationToken);

    /// <summary>Offers a new version of a rule set; it serves only if it passes every check.</summary>
    public Task<RuleSetLoadResult> OfferAsync(RuleSetDefinition definition, string json, string? testCasesJson, CancellationToken cancellationToken = default) =>
        OfferAsync(definition, () => (json, testCasesJson), cancellationToken);

    private async Task<RuleSetLoadResult> OfferAsync(RuleSetDefinition definition, Func<(string? Json, string? TestCases)> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await EnsureLoadedAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        RuleSetLoadResult result;
        try
        {
            var (json, testCasesJson) = read();
            var current = _serving;
            if (json is null)
            {
                IReadOnlyList<RuleSetProblem> missing = [new RuleSetProblem(definition.FileName, null, null, "The file has been removed or cannot be read; the last good version keeps serving.")];
                Record(definition.Name, missing);
                LogRefused(logger, definition.FileName, missing.Count, string.Join(" | ", missing));
                result = new RuleSetLoadResult(definition.Name, null, missing);
            }
            else if (current?.Sets.GetValueOrDefault(definition.Name) is { } same && same.Json == json && same.TestCasesJson == testCasesJson)
            {
                Record(definition.Name, []);
                result = new RuleSetLoadResult(definition.Name, same.Version, []);
            }
            else
            {
                var (compiled, problems) = RuleSetCompiler.Compile(definition, json, testCasesJson);
                Record(definition.Name, problems);
                if (compiled is null)
                {
                    LogRefused(logger, definition.FileName, problems.Count, string.Join(" | ", problems));
                    result = new RuleSetLoadResult(definition.Name, null, problems);
                }
                else
                {
                    var others = current?.Sets.Values.Where(s => s.Name != definition.Name) ?? [];
                    Swap([.. others, compiled], [definition.Name]);
                    LogServing(logger, definition.Name, compiled.Version[..12], (long)compiled.Figures.Elapsed.TotalMilliseconds);
                    result = new RuleSetLoadResult(definition.Name, compiled.Version, []) { Changed = true };
                }
            }
        }
        finally
        {
            _writer.Release();
        }
        Reloaded?.Invoke(this, result);
        return result;
    }

    public ServingRuleFile? Serving(string name)
    {
        if (ServingVersionOf(name) is { } set) return ServingFile(set);
        if (modules.Find(name) is not { } definition) return null;
        // Never loaded: the files as they are on disk (a missing one as empty), for an officer to put right.
        var (json, cases) = store.Read(definition);
        json ??= string.Empty;
        return new ServingRuleFile(name, json, cases, string.Empty, CompiledRuleSet.RevisionOf(json, cases), definition.FileName) { IsServing = false };
    }

    private static ServingRuleFile ServingFile(CompiledRuleSet set) =>
        new(set.Name, set.Json, set.TestCasesJson, set.Version, set.Revision, set.Definition.FileName);

    public IReadOnlyList<RuleSetProblem> Check(string name, string json, string? testCasesJson) =>
        modules.Find(name) is { } definition
            ? RuleSetCompiler.Compile(definition, json, testCasesJson).Problems
            : [RuleSetDefinition.NoSuchRuleSet(name)];

    public (IRuleSetTrial? Trial, IReadOnlyList<RuleSetProblem> Problems) Try(string name, string json)
    {
        if (modules.Find(name) is not { } definition) return (null, [RuleSetDefinition.NoSuchRuleSet(name)]);
        var (compiled, problems) = RuleSetCompiler.Compile(definition, json, null, runTestCases: false);
        return (compiled is null ? null : new Trial(compiled), problems);
    }

    public (string Json, IReadOnlyList<string> Problems) WithNamedValues(string json, IReadOnlyDictionary<string, string> expressions, DateOnly? inForceOn = null) =>
        RuleFileText.SetNamedValues(json, expressions, inForceOn);

    public (string Json, IReadOnlyList<string> Problems) WithScheduledChange(string json, string name, DateOnly from, string expression) =>
        RuleFileText.ScheduleChange(json, name, from, expression);

    public IReadOnlyList<NamedValueView>? NamedValuesOf(string json) => RuleFileText.NamedValueViews(json);

    public CaseReview ReviewCases(string name, string json, string? testCasesJson, bool moveBoundaries)
    {
        if (string.IsNullOrWhiteSpace(testCasesJson) || modules.Find(name) is not { } definition) return CaseReview.None;
        var (compiled, _) = RuleSetCompiler.Compile(definition, json, null, runTestCases: false);
        return compiled is null ? CaseReview.None : Guarded(() => CaseBoundaries.Review(compiled, testCasesJson, moveBoundaries), CaseReview.None);
    }

    public (string TestCasesJson, int Accepted, IReadOnlyList<RuleSetProblem> Problems) AcceptCaseOutcomes(string name, string json, string testCasesJson)
    {
        if (modules.Find(name) is not { } definition) return (testCasesJson, 0, [RuleSetDefinition.NoSuchRuleSet(name)]);
        var (compiled, problems) = RuleSetCompiler.Compile(definition, json, null, runTestCases: false);
        if (compiled is null) return (testCasesJson, 0, problems);
        return Guarded(() => CaseBoundaries.Accept(compiled, testCasesJson),
            (testCasesJson, 0, [new RuleSetProblem(definition.TestCasesFileName, null, null, "The test cases could not be run on the draft: check the draft to see why.")]));
    }

    // Test cases are an officer's text: whatever they make the search or a decision throw leaves the cases as they
    // were, and the checks report what is wrong with them.
    private static T Guarded<T>(Func<T> work, T otherwise)
    {
        try
        {
            return work();
        }
#pragma warning disable CA1031 // Nothing in a test case may fail the page; the save's checks say what is wrong.
        catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return otherwise;
        }
    }

    public IReadOnlyList<RuleText>? RulesOf(string json) => RuleFileRules.Of(json);

    public (string Json, IReadOnlyList<string> Problems) WithRules(string json, RuleChanges changes) => RuleFileRules.Change(json, changes);

    public IRuleSetTrial? ServingTrial(string name) => ServingVersionOf(name) is { } set ? new Trial(set) : null;

    private sealed class Trial(CompiledRuleSet set) : IRuleSetTrial
    {
        public string Version => set.Version;

        public PolicyDecision Decide(object facts) => RuleSetEvaluator.Evaluate(set, facts).Decision;
    }

    /// <summary>
    /// Writes a checked draft to disk; if the disk refuses (full, read-only, a folder where the file should be), the
    /// test cases already written are put back, nothing serves, and the officer is told why, with their draft kept.
    /// </summary>
    private RuleSetProblem? WriteFailure(RuleSetDefinition definition, string json, string? testCasesJson, CompiledRuleSet? current)
    {
        var casesWritten = false;
        try
        {
            if (testCasesJson is not null && testCasesJson != current?.TestCasesJson)
            {
                store.WriteTestCases(definition, testCasesJson);
                casesWritten = true;
            }
            store.Write(definition, json);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogWriteRefused(logger, error, definition.Name);
            if (casesWritten && current?.TestCasesJson is { } previous)
            {
                try
                {
                    store.WriteTestCases(definition, previous);
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    LogWriteRefused(logger, again, definition.Name);
                }
            }
            return new RuleSetProblem(definition.FileName, null, null,
                $"The rules passed every check but could not be written to {store.Directory}, so nothing has changed and the version serving now keeps serving: {error.Message} Ask whoever runs the server to look at the rules folder, then save again.");
        }
    }

    public async Task<PublishResult> PublishAsync(string name, string json, string? testCasesJson, string startedFrom, RecordVersion record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (modules.Find(name) is not { } definition) return new PublishResult(null, [RuleSetDefinition.NoSuchRuleSet(name)], null);
        await EnsureLoadedAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        PublishResult result;
        try
        {
            var current = _serving!.Sets.GetValueOrDefault(name);
            if (current is not null && ServingFile(current) is var now && now.Revision != startedFrom) return new PublishResult(null, [], now);
            // A draft's problems are the officer's to fix on the page: they are not the serving file's problems.
            var (compiled, problems) = RuleSetCompiler.Compile(definition, json, testCasesJson);
            if (compiled is null) return new PublishResult(null, problems, null);
            // Written before it serves: if the disk refuses, nothing serves that is not on disk. The test cases go
            // first, so a watcher that reloads between the two writes sees new cases that the old rules fail, and
            // keeps serving what it has, rather than new rules beside cases they fail.
            if (WriteFailure(definition, json, testCasesJson, current) is { } refused) return new PublishResult(null, [refused], null);
            // Recorded before it serves: the database decides between two servers saving at once, and the one it
            // refuses puts its files back and serves nothing new.
            var replacing = current is null ? null : ServingFile(current);
            bool taken;
            try
            {
                taken = await record(compiled.Version, replacing, cancellationToken);
            }
            catch
            {
                PutBack(definition, current);
                throw;
            }
            if (!taken)
            {
                PutBack(definition, current);
                return new PublishResult(null, [], replacing ?? Serving(name));
            }
            Record(name, []);
            Swap([.. _serving.Sets.Values.Where(s => s.Name != name), compiled], [name]);
            LogServing(logger, name, compiled.Version[..12], (long)compiled.Figures.Elapsed.TotalMilliseconds);
            result = new PublishResult(compiled.Version, [], null);
        }
        finally
        {
            _writer.Release();
        }
        // Not raised as a reload: the workspace records this version itself, with its author and comment.
        return result;
    }

    /// <summary>
    /// Serves a version another server recorded, if it passes every check here, and writes it to this server's
    /// folder. A folder that refuses the write does not stop it serving: the database, not the folder, is the
    /// record of what serves, and the folder is a copy for people to read.
    /// </summary>
    public async Task<IReadOnlyList<RuleSetProblem>> AdoptAsync(string name, string json, string? testCasesJson, CancellationToken cancellationToken = default)
    {
        if (modules.Find(name) is not { } definition) return [RuleSetDefinition.NoSuchRuleSet(name)];
        await EnsureLoadedAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var current = _serving!.Sets.GetValueOrDefault(name);
            if (current is not null && current.Json == json && current.TestCasesJson == testCasesJson) return [];
            var (compiled, problems) = RuleSetCompiler.Compile(definition, json, testCasesJson);
            if (compiled is null)
            {
                IReadOnlyList<RuleSetProblem> refused = [new RuleSetProblem(definition.FileName, null, null,
                    "The version saved on another server does not pass the checks on this server, so the version serving here keeps deciding."), .. problems];
                Record(name, refused);
                LogRefused(logger, definition.FileName, problems.Count, string.Join(" | ", problems));
                return refused;
            }
            // Served whether or not the folder takes it; a folder that refuses is said to officers and on /health,
            // since the copy people read there is then not what serves.
            var unwritten = WriteFailure(definition, json, testCasesJson, current);
            Record(name, unwritten is null ? [] : [new RuleSetProblem(definition.FileName, null, null,
                $"This server serves the version saved on another server, but could not write it to its rules folder ({store.Directory}), so the file there is not what serves. Ask whoever runs the server to look at the folder; the next version saved writes it again.")]);
            Swap([.. _serving.Sets.Values.Where(s => s.Name != name), compiled], [name]);
            LogAdopted(logger, name, compiled.Version[..12]);
            return [];
        }
        finally
        {
            _writer.Release();
        }
    }

    // The files as they were before a save the database refused; a rule set that never served keeps the officer's
    // draft on disk, as a folder with no good version has nothing better to hold.
    private void PutBack(RuleSetDefinition definition, CompiledRuleSet? current)
    {
        if (current is null) return;
        try
        {
            if (current.TestCasesJson is not null) store.WriteTestCases(definition, current.TestCasesJson);
            store.Write(definition, current.Json);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogWriteRefused(logger, error, definition.Name);
        }
    }

    private ServingSets Swap(List<CompiledRuleSet> sets, IEnumerable<string> changed)
    {
        // Warm: the first call of each compiled check is jitted, so decide every test case once before serving.
        foreach (var set in sets)
        {
            foreach (var facts in set.WarmUpFacts) _ = RuleSetEvaluator.Evaluate(set, facts);
        }
        var now = clock.GetUtcNow();
        var loadedAt = sets.ToDictionary(s => s.Name, s => changed.Contains(s.Name) || _serving is null ? now : _serving.LoadedAt[s.Name]);
        var serving = new ServingSets(sets.ToFrozenDictionary(s => s.Name), loadedAt.ToFrozenDictionary());
        _serving = serving;
        return serving;
    }

    private void Record(string name, IReadOnlyList<RuleSetProblem> problems)
    {
        lock (_statusLock)
        {
            var next = new Dictionary<string, IReadOnlyList<RuleSetProblem>>(_problems);
            if (problems.Count == 0) next.Remove(name);
            else next[name] = problems;
            _problems = next;
        }
    }

    public void Dispose() => _writer.Dispose();

    internal sealed record ServingSets(FrozenDictionary<string, CompiledRuleSet> Sets, FrozenDictionary<string, DateTimeOffset> LoadedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule file {File} was refused ({Count} problems); the last good version keeps serving: {Problems}")]
    private static partial void LogRefused(ILogger logger, string file, int count, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule file {File} was refused at start ({Count} problems); nothing is decided with it until a good file is saved or rolled back: {Problems}")]
    private static partial void LogRefusedAtStart(ILogger logger, string file, int count, string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule set {Name} now serving version {Version} (checked and compiled in {Milliseconds} ms)")]
    private static partial void LogServing(ILogger logger, string name, string version, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule set {Name} now serving version {Version}, recorded by another server")]
    private static partial void LogAdopted(ILogger logger, string name, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule set {Name} passed its checks but could not be written to disk; the serving version is unchanged")]
    private static partial void LogWriteRefused(ILogger logger, Exception error, string name);
}
