using System.Globalization;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Email;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Application.Requisitions;

/// <summary>
/// Tells the hiring managers of a service that a requisition waits for their approval. Queued in the outbox with
/// the submission, so the email is sent only if the submission is saved, and the submission never waits for it.
/// </summary>
public sealed class ApprovalRequestEmail(
    IOutbox outbox, IEmailRecipients recipients, IReadRepository<ServiceArea> serviceAreas, IOptions<RequisitionOptions> options)
{
    /// <param name="requisition">Just submitted, with its steps loaded: whoever shaped it is not asked to approve it.</param>
    public async Task QueueAsync(Requisition requisition, string submittedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        if (!outbox.Sends) return;
        var approvers = (await recipients.ActingForServiceAsync(requisition.ServiceAreaId, Permissions.ApproveRequisitions, cancellationToken))
            .Where(r => !string.Equals(r.UserName, submittedBy, StringComparison.OrdinalIgnoreCase))
            .Where(r => !options.Value.ApproverMustNotBeRaiser || !requisition.WasShapedBy(r.UserName))
            .Select(r => r.Email)
            .ToList();
        if (approvers.Count == 0) return;

        var service = await serviceAreas.FirstOrDefaultAsync(new ServiceAreaByIdSpec(requisition.ServiceAreaId), cancellationToken);
        var title = EmailText.Inline(requisition.Title);
        var body = string.Create(CultureInfo.GetCultureInfo("en-GB"), $"""
            A requisition for {service?.Name ?? "your service"} is waiting for your approval.

            Requisition: {title}
            Service: {service?.Name}
            Workers needed: {requisition.Positions}, from {EmailText.Date(requisition.StartDate)} to {EmailText.Date(requisition.EndDate)}
            Most it would pay: {requisition.MaximumPayRate:C2} an hour, {requisition.WeeklyHours:0.##} hours a week
            Submitted by: {submittedBy}

            Read it, then approve or reject it:
            {outbox.LinkTo($"/Requisitions/{requisition.Id}")}

            Connect2Luton
            """);
        outbox.Queue(new EmailMessage(approvers, $"Requisition waiting for your approval: {title}", body));
    }
}
