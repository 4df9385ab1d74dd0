namespace Connect2Luton.Domain.Workers;

/// <summary>
/// Why a worker was not working for a while, in the terms of regulation 7 of the Agency Workers Regulations 2010.
/// Which reasons pause the 12-week clock, which let it keep counting and for how long is set in the
/// placement-length rules, not here.
/// </summary>
public enum BreakReason
{
    /// <summary>Any other reason, or none given: only a short break pauses the clock.</summary>
    Other,
    Sickness,
    JuryService,
    AnnualLeave,

    /// <summary>The council did not need the role for a while (a Christmas closure, say).</summary>
    HirerShutdown,
    IndustrialAction,

    /// <summary>Pregnancy, childbirth or maternity, from the start of pregnancy to 26 weeks after the birth.</summary>
    PregnancyOrMaternity,

    /// <summary>Statutory maternity, paternity, adoption or shared parental leave.</summary>
    FamilyLeave,
}
