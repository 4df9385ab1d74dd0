using System.Diagnostics.CodeAnalysis;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Domain.JobRoles;

/// <summary>A role the council recruits temporary staff for, with the permanent pay it is measured against.</summary>
public sealed class JobRole : AggregateRoot
{
    private JobRole() { Title = NjcGrade = string.Empty; }

    public JobRole(
        string title,
        JobFamily jobFamily,
        string njcGrade,
        decimal permanentSalaryMinimum,
        decimal permanentSalaryMaximum,
        RegistrationBody requiredRegistration,
        DfeRoleType? dfeRoleType,
        bool isInterim,
        DbsLevel? requiredDbsLevel = null)
    {
        Change(title, jobFamily, njcGrade, permanentSalaryMinimum, permanentSalaryMaximum, requiredRegistration, dfeRoleType, isInterim, requiredDbsLevel);
        IsActive = true;
    }

    public string Title { get; private set; }
    public JobFamily JobFamily { get; private set; }

    /// <summary>The NJC pay spine grade of the equivalent permanent post (e.g. "E").</summary>
    public string NjcGrade { get; private set; }

    /// <summary>Yearly salary band of the equivalent permanent post, in pounds.</summary>
    public decimal PermanentSalaryMinimum { get; private set; }
    public decimal PermanentSalaryMaximum { get; private set; }

    public RegistrationBody RequiredRegistration { get; private set; }

    /// <summary>
    /// The DBS certificate the work needs (enhanced with the barred lists for regulated activity with children or adults);
    /// a certificate of a higher level will do. Null where the role states none.
    /// </summary>
    public DbsLevel? RequiredDbsLevel { get; private set; }

    /// <summary>Set for child and family social work roles, which fall under the DfE agency rules.</summary>
    public DfeRoleType? DfeRoleType { get; private set; }

    /// <summary>Interim roles (usually managers, often off-payroll) have their own length limits in the rules.</summary>
    public bool IsInterim { get; private set; }

    /// <summary>
    /// Offered for new requisitions. A role the council stops recruiting for is deactivated, never deleted: the
    /// requisitions, placements and decisions that name it keep doing so.
    /// </summary>
    public bool IsActive { get; private set; }

    public bool RequiresRegistration => RequiredRegistration != RegistrationBody.None;

    /// <summary>An admin corrects the role. Placements already booked keep the rates and decisions they were booked with.</summary>
    [MemberNotNull(nameof(Title), nameof(NjcGrade))]
    public void Change(
        string title,
        JobFamily jobFamily,
        string njcGrade,
        decimal permanentSalaryMinimum,
        decimal permanentSalaryMaximum,
        RegistrationBody requiredRegistration,
        DfeRoleType? dfeRoleType,
        bool isInterim,
        DbsLevel? requiredDbsLevel = null)
    {
        Title = Guard.Required(title, Limits.Title);
        JobFamily = jobFamily;
        NjcGrade = Guard.Required(njcGrade, Limits.Code);
        SetSalaryBand(permanentSalaryMinimum, permanentSalaryMaximum);
        RequiredRegistration = requiredRegistration;
        DfeRoleType = dfeRoleType;
        IsInterim = isInterim;
        RequiredDbsLevel = requiredDbsLevel;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public void SetSalaryBand(decimal minimum, decimal maximum)
    {
        Guard.Positive(minimum, "The permanent salary minimum");
        if (maximum < minimum) throw new DomainRuleException("The permanent salary maximum cannot be below the minimum.");
        PermanentSalaryMinimum = minimum;
        PermanentSalaryMaximum = maximum;
    }
}
