using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Email;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// Tells the staff of each agency a release has just reached that a vacancy is open to them: one email each, queued
/// in the outbox with the release, so it goes only if the release is saved. It says what a supplier may know (the
/// role, the service, dates, hours, pay) and links to the vacancy in their portal.
/// </summary>
public sealed class ReleaseEmails(IOutbox outbox, IEmailRecipients recipients, IReadRepository<Requisition> requisitions, ReferenceNames names) : IReleaseNotifier
{
    public async Task ReachedAsync(IReadOnlyList<AgenciesReached> reached, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reached);
        if (!outbox.Sends || reached.Count == 0) return;
        var staff = await recipients.OfAgenciesAsync([.. reached.SelectMany(r => r.AgencyIds).Distinct()], cancellationToken);
        if (staff.Count == 0) return;
        var rows = (await requisitions.ListAsync(new SuppliedRequisitionsSpec([.. reached.Select(r => r.RequisitionId).Distinct()]), cancellationToken)).ToDictionary(r => r.Id);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        foreach (var (requisitionId, agencyIds) in reached.GroupBy(r => r.RequisitionId).Select(g => (g.Key, g.SelectMany(r => r.AgencyIds).Distinct())))
        {
            if (!rows.TryGetValue(requisitionId, out var row)) continue;
            var to = agencyIds.SelectMany(id => staff.GetValueOrDefault(id) ?? []).Select(r => r.Email).ToList();
            if (to.Count == 0) continue;
            var title = EmailText.Inline(row.Title);
            var body = string.Create(CultureInfo.GetCultureInfo("en-GB"), $"""
                A Luton Borough Council vacancy has been released to your agency.

                Vacancy: {title}
                Role: {roles.GetValueOrDefault(row.JobRoleId)}
                Service: {areas.GetValueOrDefault(row.ServiceAreaId)}
                Workers wanted: {row.PositionsLeft}, from {EmailText.Date(row.StartDate)} to {EmailText.Date(row.EndDate)}
                Hours: {row.WeeklyHours:0.##} a week
                Pay: up to {row.MaximumPayRate:C2} an hour

                See what it needs and put a candidate forward:
                {outbox.LinkTo($"/Agency/Vacancies/{row.Id}")}

                Connect2Luton
                """);
            outbox.Queue(new EmailMessage(to, $"Vacancy released to your agency: {title}", body));
        }
    }
}
