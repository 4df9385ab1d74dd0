namespace Connect2Luton.Domain.Conversions;

public enum ConversionPromptStatus
{
    Open,
    OfferMade,
    Snoozed,
    Declined,
    NotSuitable,
    Converted,
}
