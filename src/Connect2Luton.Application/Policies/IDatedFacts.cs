namespace Connect2Luton.Application.Policies;

/// <summary>
/// Facts about a given day. A rule set's named values may change on dates (a cap from 1 April), and a decision
/// uses the values in force on its day, so a back-dated decision is made with the figures of its time.
/// </summary>
public interface IDatedFacts
{
    DateOnly AsOf { get; }
}
