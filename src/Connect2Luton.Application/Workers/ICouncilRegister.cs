namespace Connect2Luton.Application.Workers;

/// <summary>
/// The English councils with children's social care and the region each is in: the DfE agency rules' cooling-off
/// applies to a permanent post left in a council of the same region, so the region is looked up, never typed.
/// </summary>
public interface ICouncilRegister
{
    /// <summary>Every council's name, as the register spells it, for choosing from.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The council as the register spells it and its region; null for a name it does not hold.</summary>
    (string Council, string Region)? Find(string name);
}
