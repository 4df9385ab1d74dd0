using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure.Persistence;

namespace Connect2Luton.Web.Availability;

/// <summary>What a person is told when the database cannot be used: what happened to their work, and what to do.</summary>
public static class UnavailableWords
{
    public const string Heading = "Sorry, the service is unavailable";

    public static string Advice(DatabaseFault? fault) => fault?.Kind switch
    {
        DatabaseFaultKind.Busy => "The database is busy with other work and did not answer in time. Nothing you entered has been saved: go back and try again in a minute.",
        DatabaseFaultKind.ReadOnly => "The database can be read but not written to, so nothing can be saved. Nothing you entered has been saved. The service desk can see why in the service's log; try again later.",
        _ => "The database cannot be opened. Nothing you entered has been saved. The service desk can see why in the service's log; try again later.",
    };

    public static string Advice(PolicyUnavailableException rules) =>
        $"The {(rules.DisplayName is { } name ? name.ToLowerInvariant() : "policy")} rules are not serving: their file was refused when the service started, so nothing they decide can be done now. Nothing you entered has been saved. A policy officer can see what is wrong and put the file right under Rules; the rest of the service works meanwhile.";
}
