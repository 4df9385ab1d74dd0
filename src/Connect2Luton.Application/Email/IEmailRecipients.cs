namespace Connect2Luton.Application.Email;

/// <summary>Someone an email can go to: the user name their actions are recorded under, and their email address.</summary>
public sealed record EmailRecipient(string UserName, string Email);

/// <summary>
/// Who is told about what: accounts that can sign in now (not deactivated), found by what their roles let them do
/// (<see cref="Common.Identity.Access"/>), never by naming a role. A new kind of recipient (the accounts of a supply
/// agency) is a method here.
/// </summary>
public interface IEmailRecipients
{
    /// <summary>Every active account whose roles hold the permission.</summary>
    Task<IReadOnlyList<EmailRecipient>> HoldingAsync(string permission, CancellationToken cancellationToken);

    /// <summary>The active accounts that act for the service area and whose roles hold the permission there.</summary>
    Task<IReadOnlyList<EmailRecipient>> ActingForServiceAsync(int serviceAreaId, string permission, CancellationToken cancellationToken);

    /// <summary>The active accounts of staff at each of the agencies (those who put candidates forward for it), by agency.</summary>
    Task<IReadOnlyDictionary<int, IReadOnlyList<EmailRecipient>>> OfAgenciesAsync(IReadOnlyCollection<int> supplyAgencyIds, CancellationToken cancellationToken);
}
