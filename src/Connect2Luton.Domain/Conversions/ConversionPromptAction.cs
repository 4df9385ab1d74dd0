using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Conversions;

/// <summary>Something a recruiter or hiring manager did with a prompt.</summary>
public sealed class ConversionPromptAction : Entity
{
    private ConversionPromptAction() { By = string.Empty; }

    internal ConversionPromptAction(ConversionPromptStatus outcome, string? note, string by, DateTimeOffset at)
    {
        Outcome = outcome;
        Note = Guard.Optional(note, Limits.Reason, "The note");
        By = Guard.Required(by, Limits.Actor);
        At = at;
    }

    public int ConversionPromptId { get; private set; }
    public ConversionPromptStatus Outcome { get; private set; }
    public string? Note { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }
}
