namespace Connect2Luton.Domain.Conversions;

public enum ConversionPromptStatus
{
    Open,
    OfferMade,
    Snoozed,
    Declined,
    NotSuitable,
    Converted,

    /// <summary>The placement ended before anyone acted on the prompt.</summary>
    Lapsed,
}
