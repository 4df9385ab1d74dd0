using System.ComponentModel;

namespace Connect2Luton.Application.Policies;

/// <summary>What the pay-rate cap rules know about a proposed rate. Money is pounds an hour.</summary>
public sealed record PayRateFacts : IDatedFacts
{
    [Description("The day the decision is made for.")]
    public required DateOnly AsOf { get; init; }

    [Description("The job role's title, e.g. \"Social Worker (Children and Families)\".")]
    public required string RoleTitle { get; init; }

    [Description("The role's job family: social care, housing, planning, neighbourhood services, catering, business support or interim management.")]
    [CodedAs(typeof(Domain.JobRoles.JobFamily), "job family")]
    public required string JobFamily { get; init; }

    [Description("The NJC grade of the equivalent permanent post, e.g. \"E\"; \"JNC\" for chief officers.")]
    public required string NjcGrade { get; init; }

    [Description("The DfE agency-rules role type for child and family social work (social worker, senior social worker, advanced practitioner, team manager, independent reviewing officer); empty for any other role.")]
    [CodedAs(typeof(Domain.JobRoles.DfeRoleType), "DfE role type", None = "Not a DfE role")]
    public required string DfeRoleType { get; init; }

    [Description("The placement is in a children's services area.")]
    public required bool IsChildrensServices { get; init; }

    [Description("The role is an interim (usually management) role.")]
    public required bool IsInterim { get; init; }

    [Description("The worker's hourly pay.")]

    [InPounds]
    public required decimal PayRate { get; init; }

    [Description("Holiday pay accrued per hour worked.")]

    [InPounds]
    public required decimal HolidayPay { get; init; }

    [Description("Employer National Insurance per hour.")]

    [InPounds]
    public required decimal EmployerNationalInsurance { get; init; }

    [Description("Employer pension contribution per hour (0 where none).")]

    [InPounds]
    public required decimal EmployerPension { get; init; }

    [Description("The supplier's margin per hour.")]

    [InPounds]
    public required decimal Margin { get; init; }

    [Description("What the council is charged per hour: pay, on-costs and margin.")]

    [InPounds]
    public required decimal ChargeRate { get; init; }

    [Description("Contracted hours a week.")]
    public required decimal WeeklyHours { get; init; }

    [Description("The worker has completed the AWR qualifying weeks in this role by the day decided for: from then they are due the pay of someone recruited directly.")]
    public bool AwrQualified { get; init; }

    [Description("The yearly salary at the bottom of the equivalent permanent post's grade.")]
    [InPounds]
    public decimal PermanentSalaryMinimum { get; init; }

    [Description("The yearly salary at the top of the equivalent permanent post's grade.")]
    [InPounds]
    public decimal PermanentSalaryMaximum { get; init; }

    [Description("Who supplies the worker: the in-house pool, a local supporting agency or an external agency.")]
    [CodedAs(typeof(Domain.SupplyAgencies.SupplyAgencyKind), "kind of supplier")]
    public required string SupplierKind { get; init; }
}
