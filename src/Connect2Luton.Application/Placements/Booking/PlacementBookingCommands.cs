using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Booking;

/// <summary>
/// Booking a shortlisted worker against an open requisition. The pay-rate cap rules and the placement-length
/// rules decide on the terms; the charge rate is worked out from the pay with the on-costs the cap rules set and
/// the supplier's margin. A rate above a cap is refused, or booked only with the sign-off the rule names, and
/// goes on the cap exception register. Both decisions are kept with the placement.
/// </summary>
public sealed class PlacementBookingCommands(
    IRepository<Requisition> requisitions,
    IRepository<Placement> placements,
    IReadRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    IReadRepository<Domain.ServiceAreas.ServiceArea> serviceAreas,
    ReferenceNames names,
    PayRateThroughChanges payThrough,
    IPlacementLengthPolicy lengths,
    ILocalPreferencePolicy preference,
    AwrPositions awrPositions,
    IUnitOfWork unitOfWork,
    RequisitionPermissions permissions,
    Refusals refusals,
    ICurrentUser user,
    TimeProvider clock)
{
    public const decimal MostPayRate = RequisitionCommands.MostPayRate;
    public const decimal MostWeeklyHours = RequisitionCommands.MostWeeklyHours;

    /// <summary>Field names as the input has them, for messages.</summary>
    public static class Fields
    {
        public const string Worker = "Worker";
        public const string PayRate = nameof(PlacementProposalInput.PayRate);
        public const string WeeklyHours = nameof(PlacementProposalInput.WeeklyHours);
        public const string StartDate = nameof(PlacementProposalInput.StartDate);
        public const string EndDate = nameof(PlacementProposalInput.EndDate);
        public const string CapApprovers = nameof(PlacementProposalInput.CapApprovers);
        public const string CapReason = nameof(PlacementProposalInput.CapReason);
    }

    /// <summary>The booking form's starting point; null where there is no such requisition, or the worker is not shortlisted on it.</summary>
    public async Task<PlacementProposalView?> ProposeAsync(int requisitionId, int workerId, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(requisitionId, workerId, forUpdate: false, cancellationToken);
        if (context is null || !context.IsShortlisted) return null;
        var r = context.Requisition;
        return new PlacementProposalView(
            r.Id, r.Version, r.Title, context.Area.Name, context.Role.Title, r.StartDate, r.EndDate, r.WeeklyHours, r.MaximumPayRate,
            context.Worker.Id, context.Worker.FullName, context.Worker.Postcode, context.Supplier.Name, context.Supplier.MarginRate,
            ComplianceWarnings(context, r.StartDate, r.EndDate).Concat(ComplianceRefusals(context, r.StartDate)).ToList());
    }

    /// <summary>What the rules say about the terms as typed so far, saving nothing: the live check behind the form.</summary>
    public async Task<PlacementQuote?> QuoteAsync(PlacementProposalInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = await LoadAsync(input.RequisitionId, input.WorkerId, forUpdate: false, cancellationToken);
        if (context is null) return null;
        return (await EvaluateAsync(context, input, cancellationToken)).Quote;
    }

    public async Task<CommandResult> BookAsync(PlacementProposalInput input, int requisitionVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.May(Permissions.ManagePlacements)) return CommandResult.Forbidden("Only recruiters book placements.");
        var context = await LoadAsync(input.RequisitionId, input.WorkerId, forUpdate: true, cancellationToken);
        if (context is null) return CommandResult.NotFound();
        if (!context.Requisition.CanTakePlacement)
            return CommandResult.Conflict($"This requisition is {Requisition.DescribeState(context.Requisition.Status)}, so it cannot take a placement. The page shows it as it is now.");
        if (!context.IsShortlisted)
            return CommandResult.Conflict($"{context.Worker.FullName} is no longer on this requisition's shortlist.");

        var evaluation = await EvaluateAsync(context, input, cancellationToken);
        if (!evaluation.Quote.CanBeBooked)
        {
            await refusals.KeepAsync(RefusedChange.Booking, [evaluation.Pay?.Details, evaluation.Length?.Details], context.Requisition.Id, context.Worker.Id, null, cancellationToken);
            return CommandResult.Invalid(evaluation.Quote.Errors);
        }

        var now = clock.GetUtcNow();
        var pay = evaluation.Pay!;
        var approval = pay is { Outcome: PayRateOutcome.NeedsException, CapExceeded: { Cap: { } cap, Measured: { } measured } }
            ? new CapExceptionApproval(input.CapApprovers!.Trim(), input.CapReason!.Trim(), cap, measured)
            : null;
        var decisions = new[] { pay.Details, evaluation.Length!.Details }
            .Select(d => d.ToRecord(user.Name, now).About(requisitionId: context.Requisition.Id, workerId: context.Worker.Id));
        var placement = Placement.Book(
            context.Requisition, context.Worker,
            new PlacementBooking(evaluation.Quote.Rates!, input.WeeklyHours!.Value, input.StartDate!.Value, input.EndDate!.Value),
            approval, decisions, user.Name, now);

        requisitions.ExpectVersion(context.Requisition, requisitionVersion);
        placements.Add(placement);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(placement.Id);
    }

    private async Task<Evaluation> EvaluateAsync(BookingContext context, PlacementProposalInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var warnings = new List<string>();
        var today = clock.Today();

        if (input.PayRate is not { } payRate) errors.Add(Fields.PayRate, "Enter the hourly pay rate");
        else errors.Money(Fields.PayRate, payRate, MostPayRate, "The pay rate");
        if (input.WeeklyHours is not { } hours) errors.Add(Fields.WeeklyHours, "Enter the weekly hours");
        else errors.Range(Fields.WeeklyHours, hours, 1m, MostWeeklyHours, $"Weekly hours must be between 1 and {MostWeeklyHours:0}");
        errors.CheckWorkDates(Fields.StartDate, input.StartDate, Fields.EndDate, input.EndDate, today, "planned end date");
        errors.Text(Fields.CapApprovers, input.CapApprovers, Limits.Reason, "The approvers' names");
        errors.Text(Fields.CapReason, input.CapReason, Limits.Reason, "The reason");

        LocalPreferenceDecision? dfe = null;
        if (input.StartDate is { } day)
        {
            var refusals = ComplianceRefusals(context, day).ToList();
            // The DfE agency rules (experience, cooling-off) were checked when the worker was shortlisted, against that
            // day; they are decided again against the day the placement starts, which is the day they must hold on.
            if (context.Role.DfeRoleType is not null)
            {
                dfe = await preference.DecideAsync(PolicyFacts.LocalPreference(new ShortlistCandidate(context.Worker.Id, context.Worker.PostcodeDistrict,
                    context.Supplier.Kind, context.Supplier.IsLocal, context.Worker.PreviousCouncil, context.Worker.PreviousCouncilRegion,
                    context.Worker.LeftPermanentCouncilPostOn, context.Worker.QualifiedOn), isDfeRole: true, day), cancellationToken);
                if (!dfe.Eligible) refusals.Add($"On the start date, {day:d MMMM yyyy}, {context.Worker.FullName} cannot be engaged for this role: {string.Join(" ", dfe.Ineligibilities)}");
            }
            if (refusals.Count > 0) errors.Add(Fields.Worker, string.Join(". ", refusals));
            if (input.EndDate is { } last && last >= day)
            {
                warnings.AddRange(ComplianceWarnings(context, day, last));
                if (context.History.FirstOrDefault(p => p.Status == PlacementStatus.Active && p.StartDate <= last && p.EndDate >= day) is { } clash)
                    errors.Add(Fields.StartDate, $"{context.Worker.FullName} is already booked from {clash.StartDate:d MMMM yyyy} to {clash.EndDate:d MMMM yyyy}: choose dates after that placement ends");
            }
        }

        PlacementRates? rates = null;
        PayRateDecision? pay = null;
        if (input.PayRate is { } rate && !errors.Has(Fields.PayRate) && input.WeeklyHours is { } weekly && !errors.Has(Fields.WeeklyHours))
        {
            // A rate is priced and decided with the figures of the day the placement starts (a living wage from
            // 1 April, a cap HR has scheduled), and decided again on each day those figures change before it ends.
            var starts = input.StartDate is { } startDay && !errors.Has(Fields.StartDate) ? startDay : today;
            var lastDay = input.EndDate is { } endDay && !errors.Has(Fields.EndDate) && endDay >= starts ? endDay : starts;
            var terms = new PayRateTerms(context.Role, context.Area.IsChildrensServices, context.Supplier.Kind, context.Supplier.MarginRate, rate, weekly);
            var (first, worst) = await payThrough.ThroughAsync(terms, starts, lastDay, cancellationToken);
            rates = first.Rates;
            pay = worst.Decision;
            DateOnly? changedOn = worst.Day == first.Day ? null : worst.Day;
            var from = changedOn is { } changed ? $"From {changed:d MMMM yyyy}, when the rules' figures change: " : string.Empty;
            switch (pay.Outcome)
            {
                case PayRateOutcome.Refused:
                    errors.Add(Fields.PayRate, from + string.Join(" ", pay.Details.Failed.Where(r => r.Outcome == nameof(PayRateOutcome.Refused)).Select(r => r.Message))
                        + (changedOn is { } until ? $" Book to {until.AddDays(-1):d MMMM yyyy} at this rate, or at a rate that holds from then." : string.Empty));
                    break;
                case PayRateOutcome.NeedsException:
                    errors.Required(Fields.CapApprovers, input.CapApprovers, $"{from}This rate is over its cap: enter the names of those who signed it off ({pay.Approvers})");
                    errors.Required(Fields.CapReason, input.CapReason, "This rate is over its cap: enter why it is needed");
                    break;
            }
            if (rate > context.Requisition.MaximumPayRate)
                warnings.Add($"£{rate:0.00} an hour is more than the £{context.Requisition.MaximumPayRate:0.00} the service proposed: check they agree.");
        }

        PlacementLengthDecision? length = null;
        if (input.StartDate is { } begins && input.EndDate is { } ends && !errors.Has(Fields.StartDate) && !errors.Has(Fields.EndDate))
        {
            // A booking that starts later takes the clock as it stands the day before; one dated back counts its own weeks too.
            var awr = begins > today
                ? await awrPositions.OnAsync(context.Worker.Id, context.Role.Id, begins.AddDays(-1), null, cancellationToken)
                : await awrPositions.OnAsync(context.Worker.Id, context.Role.Id, today, new AwrAssignment(context.Role.Id, begins, ends), cancellationToken);
            var carried = begins > today ? awr.Weeks : 0;
            // Decided as the booking stands on its first day, with the length limits in force then.
            length = await lengths.DecideAsync(PolicyFacts.FirstBooking(context.Role, begins, ends, begins > today ? begins : today, awr.Weeks), cancellationToken);
            switch (length.Outcome)
            {
                case PlacementLengthOutcome.Refused:
                    errors.Add(Fields.EndDate, string.Join(" ", length.Details.Failed.Where(r => r.Outcome == nameof(PlacementLengthOutcome.Refused)).Select(r => r.Message)));
                    break;
                case PlacementLengthOutcome.NeedsApproval:
                    // Approval to run past the longest length is given on an extension, where the approver is recorded.
                    errors.Add(Fields.EndDate, $"{string.Join(" ", length.Details.Failed.Where(r => r.Outcome == nameof(PlacementLengthOutcome.NeedsApproval)).Select(r => r.Message))} Book a shorter first period; the approval is recorded when it is extended.");
                    break;
            }
            if (carried > 0)
                warnings.Add($"{context.Worker.FullName} carries {carried} weeks towards the AWR 12-week point from earlier placements in this role.");
        }

        var quote = new PlacementQuote(rates, rates is null ? null : context.Supplier.MarginRate,
            pay is null ? null : RuleCheck.From(pay.Details, pay.Approvers),
            length is null ? null : RuleCheck.From(length.Details, length.Approvers),
            errors.All.ToDictionary(), warnings);
        return new Evaluation(quote, pay, length, dfe);
    }

    private static IEnumerable<string> ComplianceRefusals(BookingContext context, DateOnly start)
    {
        var worker = context.Worker;
        if (worker.RightToWork is null)
            yield return $"{worker.FullName} has no right-to-work check recorded: record it on their record before booking";
        else if (worker.RightToWork.ExpiresOn is { } expires && expires < start)
            yield return $"{worker.FullName}'s permission to work in the UK ends on {expires:d MMMM yyyy}, before the start";
        if (context.Role.RequiresRegistration)
        {
            if (worker.Registration is null)
                yield return $"{context.Role.Title} needs {Describe(context.Role.RequiredRegistration)} registration, and none is recorded for {worker.FullName}";
            else if (worker.Registration.ExpiresOn < start)
                yield return $"{worker.FullName}'s {Describe(context.Role.RequiredRegistration)} registration ends on {worker.Registration.ExpiresOn:d MMMM yyyy}, before the start";
        }
    }

    private static IEnumerable<string> ComplianceWarnings(BookingContext context, DateOnly start, DateOnly end)
    {
        var worker = context.Worker;
        if (worker.Dbs is null) yield return $"No DBS check is recorded for {worker.FullName}.";
        if (worker.RightToWork?.ExpiresOn is { } permission && permission >= start && permission < end)
            yield return $"{worker.FullName}'s permission to work in the UK ends on {permission:d MMMM yyyy}, before the planned end: it must be renewed.";
        if (context.Role.RequiresRegistration && worker.Registration is { } registration && registration.ExpiresOn >= start && registration.ExpiresOn < end)
            yield return $"{worker.FullName}'s registration ends on {registration.ExpiresOn:d MMMM yyyy}, before the planned end: it must be renewed.";
    }

    private static string Describe(RegistrationBody body) => body switch
    {
        RegistrationBody.SocialWorkEngland => "Social Work England",
        RegistrationBody.HealthAndCareProfessionsCouncil => "HCPC",
        RegistrationBody.NursingAndMidwiferyCouncil => "NMC",
        _ => body.ToString(),
    };

    private async Task<BookingContext?> LoadAsync(int requisitionId, int workerId, bool forUpdate, CancellationToken cancellationToken)
    {
        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithShortlistSpec(requisitionId, forUpdate), cancellationToken);
        if (requisition is null || !permissions.CanSee(requisition)) return null;
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId), cancellationToken);
        if (worker is null) return null;
        var role = await jobRoles.FirstOrDefaultAsync(new JobRoleByIdSpec(requisition.JobRoleId), cancellationToken);
        var area = await serviceAreas.FirstOrDefaultAsync(new ServiceAreaByIdSpec(requisition.ServiceAreaId), cancellationToken);
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).Single(a => a.Id == worker.SupplyAgencyId);
        var history = await placements.ListAsync(new WorkerPlacementsSpec(worker.Id), cancellationToken);
        var shortlisted = worker.IsActive && requisition.Shortlist.Any(e => e.WorkerId == worker.Id && e.Status == ShortlistEntryStatus.Shortlisted);
        return new BookingContext(requisition, worker, role!, area!, supplier, history, shortlisted);
    }

    private sealed record BookingContext(
        Requisition Requisition, Worker Worker, JobRole Role, ServiceAreaSummary Area, SupplyAgencySummary Supplier,
        IReadOnlyList<WorkerPlacementRow> History, bool IsShortlisted);

    private sealed record Evaluation(PlacementQuote Quote, PayRateDecision? Pay, PlacementLengthDecision? Length, LocalPreferenceDecision? Dfe);
}
