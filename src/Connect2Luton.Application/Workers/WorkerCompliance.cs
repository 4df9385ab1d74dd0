using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

public enum ComplianceState
{
    InOrder,
    EndingSoon,
    Expired,
    Missing,
}

public sealed record ComplianceItem(string Check, ComplianceState State, string Detail);

/// <summary>
/// What is missing or ending soon in a worker's checks, for the compliance panel. "Soon" is the 30 days a recruiter
/// needs to chase a renewal before a placement would have to stop. Whether a check blocks a booking is decided by
/// <see cref="Domain.Placements.BookingCompliance"/>; whether it blocks a conversion, by the conversion rules.
/// </summary>
public static class WorkerCompliance
{
    public const int WindowDays = 30;

    public static IReadOnlyList<ComplianceItem> Assess(Worker worker, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var soon = today.AddDays(WindowDays);
        var items = new List<ComplianceItem>
        {
            worker.RightToWork switch
            {
                null => new("Right to work", ComplianceState.Missing, "No right-to-work check is recorded"),
                { ExpiresOn: { } ends } when ends < today => new("Right to work", ComplianceState.Expired, $"Permission ended on {ends:d MMMM yyyy}"),
                { ExpiresOn: { } ends } when ends <= soon => new("Right to work", ComplianceState.EndingSoon, $"Permission ends on {ends:d MMMM yyyy}"),
                { ExpiresOn: { } ends } check => new("Right to work", ComplianceState.InOrder, $"Checked {check.CheckedOn:d MMMM yyyy}; permission until {ends:d MMMM yyyy}"),
                var check => new("Right to work", ComplianceState.InOrder, $"Checked {check.CheckedOn:d MMMM yyyy}; no time limit"),
            },
            worker.Dbs is { } dbs
                ? new("DBS", ComplianceState.InOrder, $"{Describe(dbs.Level)} certificate {dbs.CertificateNumber}, issued {dbs.IssuedOn:d MMMM yyyy}{(dbs.OnUpdateService ? ", on the Update Service" : string.Empty)}{(dbs.StatusCheckedOn is { } status ? $"; status checked {status:d MMMM yyyy}, no change" : string.Empty)}")
                : new("DBS", ComplianceState.Missing, "No DBS certificate is recorded"),
        };
        if (worker.Registration is { } registration)
        {
            var body = registration.Body == Domain.JobRoles.RegistrationBody.SocialWorkEngland ? "Social Work England" : registration.Body.ToString();
            items.Add(registration.ExpiresOn < today
                ? new($"{body} registration", ComplianceState.Expired, $"{registration.Number} lapsed on {registration.ExpiresOn:d MMMM yyyy}")
                : registration.ExpiresOn <= soon
                    ? new($"{body} registration", ComplianceState.EndingSoon, $"{registration.Number} must be renewed by {registration.ExpiresOn:d MMMM yyyy}")
                    : new($"{body} registration", ComplianceState.InOrder, $"{registration.Number}, valid until {registration.ExpiresOn:d MMMM yyyy}"));
        }
        return items;
    }

    private static string Describe(DbsLevel level) => level switch
    {
        DbsLevel.EnhancedWithBarredLists => "Enhanced with barred lists",
        _ => level.ToString(),
    };
}
