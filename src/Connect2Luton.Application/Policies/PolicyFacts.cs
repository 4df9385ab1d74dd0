using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Policies;

/// <summary>
/// Builds the facts each rule set reads from the records they describe. The rules never see an entity: only
/// these plain values, so a decision can be replayed from what was stored with it.
/// </summary>
public static class PolicyFacts
{
    public static PayRateFacts PayRate(JobRole role, ServiceArea area, SupplyAgencyKind supplier, PlacementRates rates, decimal weeklyHours, DateOnly asOf, bool awrQualified = false)
    {
        ArgumentNullException.ThrowIfNull(area);
        return PayRate(role, area.IsChildrensServices, supplier, rates, weeklyHours, asOf, awrQualified);
    }

    /// <param name="awrQualified">The worker has completed the AWR qualifying weeks in the role by <paramref name="asOf"/>.</param>
    public static PayRateFacts PayRate(JobRole role, bool isChildrensServices, SupplyAgencyKind supplier, PlacementRates rates, decimal weeklyHours, DateOnly asOf, bool awrQualified = false)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(rates);
        return new PayRateFacts
        {
            AsOf = asOf,
            RoleTitle = role.Title,
            JobFamily = role.JobFamily.ToString(),
            NjcGrade = role.NjcGrade,
            DfeRoleType = role.DfeRoleType?.ToString() ?? string.Empty,
            IsChildrensServices = isChildrensServices,
            IsInterim = role.IsInterim,
            PayRate = rates.PayRate,
            HolidayPay = rates.HolidayPay,
            EmployerNationalInsurance = rates.EmployerNationalInsurance,
            EmployerPension = rates.EmployerPension,
            Margin = rates.Margin,
            ChargeRate = rates.ChargeRate,
            WeeklyHours = weeklyHours,
            SupplierKind = supplier.ToString(),
            AwrQualified = awrQualified,
            PermanentSalaryMinimum = role.PermanentSalaryMinimum,
            PermanentSalaryMaximum = role.PermanentSalaryMaximum,
        };
    }

    /// <summary>A worker being shortlisted for a role (the role decides whether the DfE checks apply).</summary>
    public static LocalPreferenceFacts LocalPreference(Worker worker, SupplyAgency supplier, JobRole role, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(role);
        return LocalPreference(new ShortlistCandidate(worker.Id, worker.PostcodeDistrict, supplier.Kind, supplier.IsLocal, worker.PreviousCouncil,
            worker.PreviousCouncilRegion, worker.LeftPermanentCouncilPostOn, worker.QualifiedOn), role.DfeRoleType is not null, asOf);
    }

    /// <summary>The same, from the few columns a ranked list of thousands of workers reads.</summary>
    public static LocalPreferenceFacts LocalPreference(ShortlistCandidate candidate, bool isDfeRole, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new LocalPreferenceFacts
        {
            AsOf = asOf,
            PostcodeDistrict = candidate.PostcodeDistrict,
            SupplierKind = candidate.SupplierKind.ToString(),
            SupplierIsLocal = candidate.SupplierIsLocal,
            PreviousCouncil = candidate.PreviousCouncil ?? string.Empty,
            PreviousCouncilRegion = candidate.PreviousCouncilRegion ?? string.Empty,
            MonthsSinceLeftCouncilPost = candidate.LeftCouncilPostOn is { } left ? PlacementCalendar.WholeMonths(left, asOf) : 0,
            IsDfeRole = isDfeRole,
            PostQualifiedYears = candidate.QualifiedOn is { } qualified ? PlacementCalendar.WholeMonths(qualified, asOf) / 12 : 0,
        };
    }

    /// <summary>
    /// An approved requisition at a moment, as the in-house pool would be decided on it; the release decides each
    /// kind of agency by changing the supplier (<see cref="SupplierRelease(SupplierReleaseFacts, SupplyAgencyKind, bool, bool)"/>).
    /// Working days are counted on the clock in Luton (<paramref name="localApprovedAt"/> and <paramref name="localNow"/>).
    /// </summary>
    public static SupplierReleaseFacts SupplierRelease(DateTimeOffset approvedAt, DateTime localApprovedAt, DateTimeOffset now, DateTime localNow,
        Domain.JobRoles.JobFamily jobFamily, Domain.JobRoles.DfeRoleType? dfeRoleType, bool isChildrensServices, int matchingInHouseWorkers, DateOnly startDate, int positionsLeft)
    {
        var today = DateOnly.FromDateTime(localNow);
        return new SupplierReleaseFacts
        {
            AsOf = today,
            SupplierKind = nameof(SupplyAgencyKind.InHousePool),
            SupplierOnDps = false,
            SupplierConfirmsDfeAgencyRules = true,
            JobFamily = jobFamily.ToString(),
            DfeRoleType = dfeRoleType?.ToString() ?? string.Empty,
            IsChildrensServices = isChildrensServices,
            HoursSinceApproval = now > approvedAt ? (int)Math.Min(int.MaxValue, (now - approvedAt).TotalHours) : 0,
            WorkingDaysSinceApproval = Domain.SupplyChain.WorkingTime.WholeDaysBetween(localApprovedAt, localNow),
            MatchingInHouseWorkers = matchingInHouseWorkers,
            DaysUntilStart = startDate.DayNumber - today.DayNumber,
            PositionsLeft = positionsLeft,
        };
    }

    /// <summary>The same requisition as one kind of supplier would see it.</summary>
    public static SupplierReleaseFacts SupplierRelease(SupplierReleaseFacts requisition, SupplyAgencyKind supplier, bool onDps, bool confirmsDfeAgencyRules)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        return requisition with { SupplierKind = supplier.ToString(), SupplierOnDps = onDps, SupplierConfirmsDfeAgencyRules = confirmsDfeAgencyRules };
    }

    /// <summary>
    /// A first booking, from its start to its planned end. <paramref name="awrWeeks"/> is the AWR clock as the
    /// booking would leave it today, or on the day before it starts (what earlier placements carry into it).
    /// </summary>
    public static PlacementLengthFacts FirstBooking(JobRole role, DateOnly start, DateOnly end, DateOnly asOf, int awrWeeks = 0) =>
        Length(role, start, end, asOf, awrWeeks, isExtension: false, approvedBeyondLimit: false);

    /// <summary>A placement as it stands (or as an extension to <paramref name="end"/> would leave it).</summary>
    public static PlacementLengthFacts Running(Placement placement, JobRole role, DateOnly end, DateOnly asOf, int awrWeeks, bool isExtension, bool approvedBeyondLimit)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return Length(role, placement.StartDate, end, asOf, awrWeeks, isExtension, approvedBeyondLimit);
    }

    /// <summary>A live placement as the nightly check sees it, from the few columns it reads.</summary>
    public static PlacementLengthFacts Live(JobRole role, DateOnly start, DateOnly plannedEnd, DateOnly asOf, int awrWeeks, bool approvedBeyondLimit) =>
        Length(role, start, plannedEnd, asOf, awrWeeks, isExtension: true, approvedBeyondLimit);

    private static PlacementLengthFacts Length(JobRole role, DateOnly start, DateOnly end, DateOnly asOf, int awrWeeks, bool isExtension, bool approvedBeyondLimit)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new PlacementLengthFacts
        {
            AsOf = asOf,
            JobFamily = role.JobFamily.ToString(),
            IsInterim = role.IsInterim,
            IsExtension = isExtension,
            StartDate = start,
            EndDate = end,
            TotalWeeks = PlacementCalendar.WeeksSpanned(start, end),
            WeeksInPost = PlacementCalendar.CompletedWeeks(start, asOf),
            MonthsInPost = PlacementCalendar.WholeMonths(start, asOf),
            AwrWeeks = awrWeeks,
            ApprovedBeyondLimit = approvedBeyondLimit,
        };
    }

    /// <summary>
    /// A placed worker; <paramref name="continuousSince"/> is when their unbroken run of placements began and
    /// <paramref name="feeFreeFrom"/> the first day no transfer fee can be charged (<see cref="Domain.Conversions.TransferFee"/>).
    /// </summary>
    public static ConversionFacts Conversion(Requisition requisition, Worker worker, JobRole role, DateOnly continuousSince, DateOnly feeFreeFrom, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        return Conversion(requisition.Reason, ConversionCandidate.Of(worker), role, continuousSince, feeFreeFrom, asOf);
    }

    /// <summary>The same, from the few columns of the worker the nightly check reads.</summary>
    public static ConversionFacts Conversion(RequisitionReason reason, ConversionCandidate worker, JobRole role, DateOnly continuousSince, DateOnly feeFreeFrom, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(role);
        return new ConversionFacts
        {
            AsOf = asOf,
            ContinuousWeeks = PlacementCalendar.ElapsedWeeks(continuousSince, asOf),
            FeeFreeFrom = feeFreeFrom,
            RequisitionReason = reason.ToString(),
            IsInterim = role.IsInterim,
            RightToWorkValid = worker.RightToWorkCheckedOn is { } checkedOn && checkedOn <= asOf && (worker.RightToWorkExpiresOn is not { } expires || expires >= asOf),
            HasDbs = worker.DbsIssuedOn is not null,
            DbsMonthsOld = worker.DbsIssuedOn is { } issued ? PlacementCalendar.WholeMonths(issued, asOf) : 0,
            DbsStatusCheckMonthsOld = worker.DbsIssuedOn is not null && worker.DbsStatusCheckedOn is { } status ? PlacementCalendar.WholeMonths(status, asOf) : null,
            RegistrationRequired = role.RequiresRegistration,
            RegistrationValid = worker.RegistrationBody is { } body && body == role.RequiredRegistration && worker.RegistrationExpiresOn >= asOf,
            OpenToPermanentJob = worker.OpenToPermanentJob,
        };
    }
}
