namespace Connect2Luton.Application.Policies;

/// <summary>
/// A text fact that holds one of an enum's names (a job family, a supplier kind): pages offer its choices in words
/// and send the name. <see cref="None"/>, where given, is what an empty value means ("Not a DfE role").
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CodedAsAttribute(Type codes) : Attribute
{
    public Type Codes { get; } = codes;

    public string? None { get; init; }
}

/// <summary>One choice of a coded fact: the name the rules compare with, and the words people use for it.</summary>
public sealed record FactChoice(string Code, string Words);
