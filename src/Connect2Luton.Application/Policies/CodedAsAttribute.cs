using Connect2Luton.Application.RuleSets.Values;

namespace Connect2Luton.Application.Policies;

/// <summary>
/// A text fact that holds one of an enum's names (a job family, a supplier kind): pages offer its choices in words
/// and send the name. <see cref="None"/>, where given, is what an empty value means ("Not a DfE role"). Any other
/// text is refused wherever facts are typed (test cases, samples): the rules would decide it silently as none of
/// the names they compare with.
/// </summary>
/// <param name="called">What one of its values is, in words, for a sentence ("kind of supplier").</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CodedAsAttribute(Type codes, string called) : Attribute
{
    public Type Codes { get; } = codes;

    public string Called { get; } = called;

    public string? None { get; init; }

    /// <summary>Its choices in words, with what an empty value means first where it may be empty.</summary>
    public IReadOnlyList<FactChoice> Choices =>
        [.. (None is { } none ? [new FactChoice(string.Empty, none)] : Array.Empty<FactChoice>()),
         .. Enum.GetNames(Codes).Select(code => new FactChoice(code, CodeWords.Of(code)))];

    public bool Allows(string? value) => Choices.Any(c => string.Equals(c.Code, value, StringComparison.Ordinal));

    /// <summary>The choices in words, as a sentence lists them: "In-house pool, Local supporting agency or External agency".</summary>
    public string Listed
    {
        get
        {
            var choices = Choices.Select(c => c.Code.Length == 0 ? $"{c.Words} (left empty)" : c.Words).ToList();
            return choices.Count == 1 ? choices[0] : $"{string.Join(", ", choices.SkipLast(1))} or {choices[^1]}";
        }
    }

    /// <summary>Why the rules cannot be given <paramref name="value"/>, in words; null for one of the choices.</summary>
    public string? Refusal(string? value) =>
        Allows(value) ? null
        : string.IsNullOrEmpty(value) ? $"A {Called} must be given: {Listed}."
        : $"{value} is not a {Called}: {Listed}.";
}

/// <summary>One choice of a coded fact: the name the rules compare with, and the words people use for it.</summary>
public sealed record FactChoice(string Code, string Words);
