using System.Diagnostics.CodeAnalysis;
using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.SupplyAgencies;

/// <summary>Where a worker is supplied from, and the margin it adds to the charge rate.</summary>
public sealed class SupplyAgency : AggregateRoot
{
    private SupplyAgency() { Name = string.Empty; }

    public SupplyAgency(string name, SupplyAgencyKind kind, decimal marginRate, bool isLocal, string? dpsReference)
    {
        Change(name, kind, marginRate, isLocal, dpsReference);
        IsActive = true;
    }

    public string Name { get; private set; }
    public SupplyAgencyKind Kind { get; private set; }

    /// <summary>Margin as a fraction of the pay rate plus on-costs (0.08 is 8%).</summary>
    public decimal MarginRate { get; private set; }

    /// <summary>Based in Luton: sourcing through a local agency counts toward local preference.</summary>
    public bool IsLocal { get; private set; }

    /// <summary>The agency's reference on the dynamic purchasing system, if appointed through it.</summary>
    public string? DpsReference { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>
    /// The agency has confirmed it works to the DfE agency rules for child and family social workers (price caps,
    /// no managed teams, references, the cooling-off period): the release rules may offer it such roles.
    /// </summary>
    public bool ConfirmsDfeAgencyRules { get; private set; }

    public void RecordDfeAgencyRules(bool confirms) => ConfirmsDfeAgencyRules = confirms;

    public void ChangeMargin(decimal marginRate)
    {
        if (marginRate is < 0 or >= 1) throw new DomainRuleException("A margin must be at least 0% and less than 100%.");
        MarginRate = marginRate;
    }

    /// <summary>An admin corrects the agency's details. Placements already booked keep the rates they were booked at.</summary>
    [MemberNotNull(nameof(Name))]
    public void Change(string name, SupplyAgencyKind kind, decimal marginRate, bool isLocal, string? dpsReference)
    {
        Name = Guard.Required(name, Limits.Name);
        Kind = kind;
        ChangeMargin(marginRate);
        IsLocal = isLocal;
        DpsReference = Guard.Optional(dpsReference, Limits.Reference);
    }

    /// <summary>No longer offered for new workers; the workers it supplied and their placements keep naming it.</summary>
    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
