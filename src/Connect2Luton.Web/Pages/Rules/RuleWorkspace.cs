using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>
/// The steps every page of the rules workspace takes with a posted draft: open the rule set, write the fields into
/// the draft's text, compile it to try, and afterwards show the draft as it now stands. The pages only say what
/// their button does between those steps.
/// </summary>
public sealed class RuleWorkspace(IRuleSetPublisher publisher, IRuleSetCatalogue catalogue, IRuleSetSamples samples,
    RuleSetWhatIf whatIf, RuleSetRealCases realCases, RuleDraftEditor draftEditor, TimeProvider clock)
{
    /// <summary>The rule set's serving files as the draft to start from; false if there is no such rule set.</summary>
    public bool Open(string name, RuleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (publisher.Serving(name) is not { } serving) return false;
        draft.Serving = serving;
        draft.Input.Json = serving.Json;
        draft.Input.TestCases = serving.TestCasesJson;
        draft.StartedFrom = serving.Revision;
        // A rule set that never loaded opens on the refused files, with what is wrong with them, to be put right here.
        if (!serving.IsServing) draft.Problems = catalogue.Current.FirstOrDefault(s => s.Name == name)?.Problems ?? [];
        draft.Sample = samples.DefaultSample(name, serving.TestCasesJson).ToDictionary(f => f.Key, f => (string?)f.Value);
        return true;
    }

    /// <summary>The rule set a posted draft is for, with the draft's line endings put back; false if there is no such rule set.</summary>
    public bool Load(string name, RuleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (publisher.Serving(name) is not { } serving) return false;
        draft.Serving = serving;
        // Browsers send a textarea's lines ending CR LF whatever the text had: put back the endings the files use, so
        // a save changes only what the officer changed.
        draft.Input.Json = draft.Input.Json?.ReplaceLineEndings(EndingOf(serving.Json));
        draft.Input.TestCases = draft.Input.TestCases?.ReplaceLineEndings(EndingOf(serving.TestCasesJson));
        return true;
    }

    /// <summary>
    /// The start of every post but a save: the rule set, and the draft with the fields written in. Null for a rule
    /// set that is not there; false, with the errors, when the draft cannot go on.
    /// </summary>
    public bool? Read(string name, RuleDraft draft, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!Load(name, draft)) return null;
        if (string.IsNullOrWhiteSpace(draft.Input.Json))
        {
            state.AddModelError("Input.Json", "The rule file cannot be empty");
            return false;
        }
        return ApplyFields(draft, state);
    }

    /// <summary>The values' fields, then the rules' forms, written into the draft: false, with the errors, if either cannot be.</summary>
    public bool ApplyFields(RuleDraft draft, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(state);
        var typed = draft.NewRule;
        var edit = draftEditor.Apply(draft.Serving.Name, draft.Input.Json!,
            draft.Values.Keys.Union(draft.ChangeFrom.Keys).Union(draft.ChangeTo.Keys)
                .Select(name => new ValueEdit(name, draft.Values.TryGetValue(name, out var typed) ? typed ?? string.Empty : draft.ValuesShown.GetValueOrDefault(name),
                    draft.ValuesShown.GetValueOrDefault(name), draft.ChangeFrom.GetValueOrDefault(name), draft.ChangeTo.GetValueOrDefault(name)))
                .ToList(),
            draft.Rules.Where(r => r.Value is not null).Select(r => new RuleEdit(r.Key, r.Value!.ToRule(r.Key), r.Value.Shown, r.Value.Remove)).ToList(),
            new NewRuleInput(typed.Name, typed.Expression, typed.ErrorMessage, typed.SuccessEvent, typed.Description, typed.Outcome, typed.Approvers));
        foreach (var (field, message) in edit.Errors) state.AddModelError(field == DraftEdit.JsonField ? "Input.Json" : field, message);
        draft.ValuesTaken = edit.ValuesTaken;
        draft.RulesTaken = edit.RulesTaken;
        // The field shows what was posted unless told otherwise: it must show the draft with what was taken written in
        // (the values, even when a rule's form was refused).
        if (edit.Json != draft.Input.Json)
        {
            state.Remove("Input.Json");
            draft.Input.Json = edit.Json;
        }
        if (!edit.Succeeded) return false;
        draft.RuleAdded = edit.RuleAdded;
        if (edit.ValuesChanged) ReviewCases(draft, state);
        return true;
    }

    /// <summary>
    /// The test cases against the draft: with a value changed in its field, the cases written against it move to
    /// its new boundary (written into the cases' text); and every case the draft now decides otherwise is listed.
    /// </summary>
    public void ReviewCases(RuleDraft draft, ModelStateDictionary state, bool moveBoundaries = true)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(state);
        // A review reads only the draft's text and cases (and compiles the draft): asked again of what it last left
        // them as in this post, as a value changed in its field and then Check would, it has nothing new to say.
        if (draft.Reviewed is { } last && last.Json == draft.Input.Json && last.Cases == draft.Input.TestCases) return;
        var review = publisher.ReviewCases(draft.Serving.Name, draft.Input.Json ?? string.Empty, draft.Input.TestCases, moveBoundaries);
        if (review.TestCasesJson is { } moved && moved != draft.Input.TestCases)
        {
            state.Remove("Input.TestCases");
            draft.Input.TestCases = moved;
        }
        draft.Reviewed = (draft.Input.Json, draft.Input.TestCases);
        // Cases moved earlier in this post stay listed when the review runs again.
        draft.Cases = review with { Moved = [.. draft.Cases.Moved, .. review.Moved] };
    }

    /// <summary>The test cases expecting what the draft decides, for every case it decides otherwise.</summary>
    public void AcceptCaseOutcomes(RuleDraft draft, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(draft.Input.TestCases)) return;
        var (cases, accepted, problems) = publisher.AcceptCaseOutcomes(draft.Serving.Name, draft.Input.Json!, draft.Input.TestCases);
        if (problems.Count > 0)
        {
            draft.Problems = problems;
            state.AddModelError("Input.TestCases", "No outcome was accepted: the draft or its test cases have the problems listed at the top of the page");
            return;
        }
        state.Remove("Input.TestCases");
        draft.Input.TestCases = cases;
        draft.CasesAccepted = accepted;
        ReviewCases(draft, state);
    }

    /// <summary>The draft compiled to decide with, or null with its problems shown.</summary>
    public IRuleSetTrial? Compile(RuleDraft draft, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(state);
        var (compiled, problems) = publisher.Try(draft.Serving.Name, draft.Input.Json!);
        if (compiled is not null) return compiled;
        draft.Problems = problems;
        state.AddModelError("Input.Json", "The draft cannot be tried until the problems listed at the top of the page are put right");
        return null;
    }

    /// <summary>What to say where something needs the rules serving and these never loaded; null when they serve.</summary>
    public static string? NotServing(RuleDraft draft, string what)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Serving.IsServing ? null
            : $"{what} once these rules are serving: put the rule file right and save it, then try again.";
    }

    /// <summary>Whatever a page did with the draft, the fields show the draft as it now stands.</summary>
    public void Show(RuleDraft draft, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(state);
        var name = draft.Serving.Name;
        var json = draft.Input.Json ?? draft.Serving.Json;
        var view = catalogue.Describe(name);
        draft.FailureOutcomes = view?.FailureOutcomes ?? [];
        draft.OutcomesNeedingApprovers = view?.OutcomesNeedingApprovers ?? [];
        // What the draft's text says of each value (label, type, description), so a value added in the text shows as typed.
        draft.NamedValues = publisher.NamedValuesOf(json) ?? publisher.NamedValuesOf(draft.Serving.Json) ?? [];
        draft.Facts = samples.FactsOf(name);
        // Comparing with what serves, and real cases (whose facts the serving rules help read), need the rules serving.
        draft.CanTryWhatIf = whatIf.Supports(name) && draft.Serving.IsServing;
        draft.RealCases = realCases.KindOf(name);
        draft.HasRealCases = realCases.HasRealCases(name) && draft.Serving.IsServing;
        if (draft.Sample.Count == 0)
            draft.Sample = samples.DefaultSample(name, draft.Input.TestCases ?? draft.Serving.TestCasesJson).ToDictionary(f => f.Key, f => (string?)f.Value);
        draft.Today = clock.Today();
        ShowValues(draft);
        ShowRules(draft, json, state);
    }

    // Values the draft took show as the draft now has them; values it did not take show as typed, to be put right.
    private static void ShowValues(RuleDraft draft)
    {
        var typed = draft.Values;
        var shown = draft.ValuesShown;
        draft.Values = [];
        draft.ValuesShown = [];
        if (draft.ValuesTaken)
        {
            // Written into the draft: the change shows as a coming change, and its fields are empty for the next.
            draft.ChangeFrom = [];
            draft.ChangeTo = [];
        }
        foreach (var value in draft.NamedValues)
        {
            var name = value.Name;
            // Shown as HR writes it where the value is set as a type; only those set are fields. The field holds the
            // value in force today; later changes are shown beside it.
            if (value.SetAs is not { } type) continue;
            var showing = type.Show(value.ExpressionOn(draft.Today));
            var keep = !draft.ValuesTaken && typed.ContainsKey(name);
            draft.Values[name] = keep ? typed[name] : showing;
            draft.ValuesShown[name] = keep ? shown.GetValueOrDefault(name) ?? showing : showing;
        }
    }

    private void ShowRules(RuleDraft draft, string json, ModelStateDictionary state)
    {
        draft.RuleList = publisher.RulesOf(json) ?? publisher.RulesOf(draft.Serving.Json) ?? [];
        var typed = draft.Rules;
        draft.Rules = [];
        foreach (var rule in draft.RuleList)
        {
            if (!draft.RulesTaken && typed.TryGetValue(rule.Name, out var asTyped))
            {
                asTyped.Shown ??= RuleFields.FingerprintOf(rule);
                draft.Rules[rule.Name] = asTyped;
                continue;
            }
            draft.Rules[rule.Name] = RuleFields.Of(rule);
            // The fields show the draft, not what was posted: the rule may have been changed in the text, or taken out and put back.
            ForgetPosted(state, $"Rules[{rule.Name}].");
        }
        if (draft.RuleAdded is not null)
        {
            draft.NewRule = new NewRuleForm();
            ForgetPosted(state, $"{nameof(RuleDraft.NewRule)}.");
        }
    }

    private static void ForgetPosted(ModelStateDictionary state, string prefix)
    {
        foreach (var key in state.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) state.Remove(key);
    }

    private static string EndingOf(string? text) => text?.Contains("\r\n", StringComparison.Ordinal) == true ? "\r\n" : "\n";
}
