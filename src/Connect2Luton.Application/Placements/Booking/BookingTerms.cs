using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Placements.Booking;

/// <summary>Field names as the input has them, for messages.</summary>
public static class BookingFields
{
    public const string Worker = "Worker";
    public const string PayRate = nameof(PlacementProposalInput.PayRate);
    public const string WeeklyHours = nameof(PlacementProposalInput.WeeklyHours);
    public const string StartDate = nameof(PlacementProposalInput.StartDate);
    public const string EndDate = nameof(PlacementProposalInput.EndDate);
    public const string CapReason = nameof(PlacementProposalInput.CapReason);
}

/// <summary>What the rules decided on a booking's terms: the quote the form shows, and the decisions kept with the placement.</summary>
public sealed record BookingCheck(PlacementQuote Quote, PayRateDecision? Pay, PlacementLengthDecision? Length)
{
    /// <summary>The cap exception a rate over its cap goes on the register with, for the reason given; null for a rate within its caps.</summary>
    public CapExceptionApproval? CapException(string reason) =>
        Pay is { Outcome: PayRateOutcome.NeedsException, CapExceeded: { Cap: { } cap, Measured: { } measured } }
            ? new CapExceptionApproval(Pay.Approvers!, reason, cap, measured)
            : null;

    /// <summary>Both decisions as the records kept with the placement, about the requisition and worker it books.</summary>
    public IEnumerable<RuleDecision> Records(string by, DateTimeOffset at, int requisitionId, int workerId) =>
        new[] { Pay!.Details, Length!.Details }.Select(d => d.ToRecord(by, at).About(requisitionId: requisitionId, workerId: workerId));
}

/// <summary>
/// The terms of a booking checked, saving nothing: the pay-rate cap rules on the rate (priced with the on-costs
/// they set and the supplier's margin, on the start date and each day the figures change before the end), the
/// placement-length rules on the dates with the worker's AWR weeks, the DfE agency rules on the start date for a
/// social work role, and the worker's checks. The live check behind the form and the booking both run it.
/// </summary>
public sealed class BookingTerms(
    PayRateThroughChanges payThrough,
    IPlacementLengthPolicy lengths,
    ILocalPreferencePolicy preference,
    AwrPositions awrPositions,
    SignOffs.SignOffPositions positions,
    TimeProvider clock)
{
    /// <summary>Why a requisition in its state takes no placement, as the live check and the booking say it.</summary>
    public static string ClosedTo(Requisition requisition)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        return $"This requisition is {Requisition.DescribeState(requisition.Status)}, so it cannot take a placement";
    }

    public const decimal MostPayRate = RequisitionCommands.MostPayRate;

    /// <summary>
    /// The most the worker may be paid an hour for this role, through this supplier, without an exception, from the
    /// first day to the last (the least it comes to on any day the rules' figures change between).
    /// </summary>
    public Task<PayHeadroom?> HeadroomAsync(BookingCase context, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var terms = new PayRateTerms(context.Role, context.Area.IsChildrensServices, context.Supplier.Kind, context.Supplier.MarginRate, 0m, context.Requisition.WeeklyHours);
        return payThrough.HeadroomThroughAsync(terms, from, until < from ? from : until, MostPayRate, cancellationToken);
    }
    public const decimal MostWeeklyHours = RequisitionCommands.MostWeeklyHours;

    /// <param name="broughtIn">
    /// A placement already running when it is brought in from a file: it may have started before today (it must not
    /// have ended), and what the rules say is said for a file rather than for the booking form.
    /// </param>
    public async Task<BookingCheck> CheckAsync(BookingCase context, PlacementProposalInput input, CancellationToken cancellationToken, bool broughtIn = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var warnings = new List<string>();
        var today = clock.Today();

        if (input.PayRate is not { } payRate) errors.Add(BookingFields.PayRate, "Enter the hourly pay rate");
        else errors.Money(BookingFields.PayRate, payRate, MostPayRate, "The pay rate");
        if (input.WeeklyHours is not { } hours) errors.Add(BookingFields.WeeklyHours, "Enter the weekly hours");
        else
        {
            errors.Range(BookingFields.WeeklyHours, hours, 1m, MostWeeklyHours, $"Weekly hours must be between 1 and {MostWeeklyHours:0}");
            errors.Places(BookingFields.WeeklyHours, hours, 2, "Enter the weekly hours to 2 decimal places at most, like 37.5");
        }
        if (broughtIn) errors.CheckLiveDates(BookingFields.StartDate, input.StartDate, BookingFields.EndDate, input.EndDate, today, "planned end date");
        else errors.CheckWorkDates(BookingFields.StartDate, input.StartDate, BookingFields.EndDate, input.EndDate, today, "planned end date");
        errors.Text(BookingFields.CapReason, input.CapReason, Limits.Reason, "The reason");

        if (input.StartDate is { } day)
        {
            var refusals = BookingCompliance.Refusals(context.Worker, context.Role, day).ToList();
            // The DfE agency rules (experience, cooling-off) were checked when the worker was shortlisted, against that
            // day; they are decided again against the day the placement starts, which is the day they must hold on.
            if (context.Role.DfeRoleType is not null)
            {
                var dfe = await preference.DecideAsync(PolicyFacts.LocalPreference(new ShortlistCandidate(context.Worker.Id, context.Worker.PostcodeDistrict,
                    context.Supplier.Kind, context.Supplier.IsLocal, context.Worker.PreviousCouncil, context.Worker.PreviousCouncilRegion,
                    context.Worker.LeftPermanentCouncilPostOn, context.Worker.QualifiedOn), isDfeRole: true, day), cancellationToken);
                if (!dfe.Eligible) refusals.Add($"On the start date, {day:d MMMM yyyy}, {context.Worker.FullName} cannot be engaged for this role: {string.Join(" ", dfe.Ineligibilities)}");
            }
            // Said as the terms are typed, not only when the booking is refused: a requisition filled meanwhile takes no one.
            if (!context.Requisition.CanTakePlacement)
                refusals.Insert(0, ClosedTo(context.Requisition));
            if (refusals.Count > 0) errors.Add(BookingFields.Worker, string.Join(". ", refusals));
            if (input.EndDate is { } last && last >= day)
            {
                warnings.AddRange(BookingCompliance.Warnings(context.Worker, context.Role, day, last));
                // The release rules offer children's social work only to agencies that have confirmed the DfE agency
                // rules; a worker already in the pool from one that has not can still be booked, and is said to be.
                if (context.Role.DfeRoleType is not null && context.Supplier.Kind != Domain.SupplyAgencies.SupplyAgencyKind.InHousePool && !context.Supplier.ConfirmsDfeAgencyRules)
                    warnings.Add($"{context.Supplier.Name} has not confirmed it works to the DfE agency rules for child and family social workers: check with the agency, or book a worker from one that has.");
                if (WorkerPlacementClash.Within(context.History, day, last) is { } clash)
                    errors.Add(BookingFields.StartDate, $"{context.Worker.FullName} is already booked from {clash.StartDate:d MMMM yyyy} to {clash.EndDate:d MMMM yyyy}: choose dates after that placement ends");
            }
        }

        PlacementRates? rates = null;
        PayRateDecision? pay = null;
        IReadOnlyList<string> unheld = [];
        if (input.PayRate is { } rate && !errors.Has(BookingFields.PayRate) && input.WeeklyHours is { } weekly && !errors.Has(BookingFields.WeeklyHours))
        {
            // A rate is priced and decided with the figures of the day the placement starts (a living wage from
            // 1 April, a cap HR has scheduled), and decided again on each day those figures change before it ends.
            var starts = input.StartDate is { } startDay && !errors.Has(BookingFields.StartDate) ? startDay : today;
            var lastDay = input.EndDate is { } endDay && !errors.Has(BookingFields.EndDate) && endDay >= starts ? endDay : starts;
            var terms = new PayRateTerms(context.Role, context.Area.IsChildrensServices, context.Supplier.Kind, context.Supplier.MarginRate, rate, weekly);
            var (first, worst) = await payThrough.ThroughAsync(terms, starts, lastDay, cancellationToken);
            rates = first.Rates;
            pay = worst.Decision;
            DateOnly? changedOn = worst.Day == first.Day ? null : worst.Day;
            var from = changedOn is { } changed ? $"From {changed:d MMMM yyyy}, when the rules' figures change: " : string.Empty;
            switch (pay.Outcome)
            {
                case PayRateOutcome.Refused:
                    errors.Add(BookingFields.PayRate, from + string.Join(" ", pay.Details.Failed.Where(r => r.Outcome == nameof(PayRateOutcome.Refused)).Select(r => r.Message))
                        + (changedOn is { } until ? $" Book to {until.AddDays(-1):d MMMM yyyy} at this rate, or at a rate that holds from then." : string.Empty));
                    break;
                case PayRateOutcome.NeedsException:
                    errors.Required(BookingFields.CapReason, input.CapReason, $"{from}This rate is over its cap: enter why it is needed, for {SignOffs.SignOffPositions.InWords(pay.Approvers)} to read when they sign it off");
                    unheld = await positions.UnheldAsync(pay.Approvers, cancellationToken);
                    break;
            }
            if (rate > context.Requisition.MaximumPayRate)
                warnings.Add($"£{rate:0.00} an hour is more than the £{context.Requisition.MaximumPayRate:0.00} the service proposed: check they agree.");
        }

        PlacementLengthDecision? length = null;
        if (input.StartDate is { } begins && input.EndDate is { } ends && !errors.Has(BookingFields.StartDate) && !errors.Has(BookingFields.EndDate))
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
                    errors.Add(BookingFields.EndDate, string.Join(" ", length.Details.Failed.Where(r => r.Outcome == nameof(PlacementLengthOutcome.Refused)).Select(r => r.Message)));
                    break;
                case PlacementLengthOutcome.NeedsApproval:
                    // Approval to run past the longest length is given on an extension, where the approver is recorded.
                    errors.Add(BookingFields.EndDate, $"{string.Join(" ", length.Details.Failed.Where(r => r.Outcome == nameof(PlacementLengthOutcome.NeedsApproval)).Select(r => r.Message))} {(broughtIn ? "Bring it in with a planned end within the limit" : "Book a shorter first period")}; the approval is recorded when it is extended.");
                    break;
            }
            if (carried > 0)
                warnings.Add($"{context.Worker.FullName} carries {carried} weeks towards the AWR 12-week point from earlier placements in this role.");
        }

        var quote = new PlacementQuote(rates, rates is null ? null : context.Supplier.MarginRate,
            pay is null ? null : RuleCheck.From(pay.Details, pay.Approvers),
            length is null ? null : RuleCheck.From(length.Details, length.Approvers),
            errors.All.ToDictionary(), warnings, unheld);
        return new BookingCheck(quote, pay, length);
    }
}
