using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Domain.Placements;

/// <summary>
/// What a worker's recorded checks mean for a booking, decided here once: a right to work and, where the role
/// needs one, a registration that hold on the start date, or no booking; checks that end before the planned end,
/// no DBS recorded, or one below the level the role needs, are warnings the recruiter sees.
/// </summary>
public static class BookingCompliance
{
    /// <summary>Why the worker cannot be booked into the role from the day; empty when nothing stops it.</summary>
    public static IEnumerable<string> Refusals(Worker worker, JobRole role, DateOnly start)
    {
        if (RightToWorkRefusal(worker, start) is { } rightToWork) yield return rightToWork;
        if (RegistrationRefusal(worker, role, start) is { } registration) yield return registration;
    }

    /// <summary>Why the worker's right to work stops a booking from the day: none recorded, or permission ending before it; null if it holds.</summary>
    public static string? RightToWorkRefusal(Worker worker, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (worker.RightToWork is null)
            return $"{worker.FullName} has no right-to-work check recorded: record it on their record before booking";
        return PermissionEndsBefore(worker.FullName, worker.RightToWork.ExpiresOn, start);
    }

    /// <summary>A permission to work ending before the day, from a worker's name and the day it ends, as a list reads them; null if it does not.</summary>
    public static string? PermissionEndsBefore(string workerName, DateOnly? expires, DateOnly start) =>
        expires is { } ends && ends < start ? $"{workerName}'s permission to work in the UK ends on {ends:d MMMM yyyy}, before the start" : null;

    /// <summary>A registration with the body a role needs ending before the day, as a list reads it; null if it does not, or the role needs none.</summary>
    public static string? RegistrationEndsBefore(string workerName, DateOnly? expires, RegistrationBody needed, DateOnly start) =>
        needed != RegistrationBody.None && expires is { } ends && ends < start
            ? $"{workerName}'s {Describe(needed)} registration ends on {ends:d MMMM yyyy}, before the start"
            : null;

    /// <summary>
    /// Why the worker's registration stops a booking into the role from the day: none, or with another body, where
    /// the role needs one, or ending before it; null if it holds or the role needs none.
    /// </summary>
    public static string? RegistrationRefusal(Worker worker, JobRole role, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(role);
        if (!role.RequiresRegistration) return null;
        if (RegistrationShortfall(worker.FullName, worker.Registration?.Body, role.Title, role.RequiredRegistration) is { } shortfall) return shortfall;
        return RegistrationEndsBefore(worker.FullName, worker.Registration?.ExpiresOn, role.RequiredRegistration, start);
    }

    /// <summary>
    /// What stops the worker's registration serving the role whatever the dates: none recorded, or one with another
    /// body, where the role needs one; null if it is with the body the role needs or the role needs none. From a
    /// worker's name and body and a role's title and body, as a list reads them.
    /// </summary>
    public static string? RegistrationShortfall(string workerName, RegistrationBody? held, string roleTitle, RegistrationBody needed) =>
        needed == RegistrationBody.None ? null
        : held is not { } body ? $"{roleTitle} needs {Describe(needed)} registration, and none is recorded for {workerName}"
        : body != needed ? $"{roleTitle} needs {Describe(needed)} registration, and {workerName} is registered with {Describe(body)} instead"
        : null;

    /// <summary>What the recruiter should know about the worker's checks for a booking over the days.</summary>
    public static IEnumerable<string> Warnings(Worker worker, JobRole role, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(role);
        if (worker.Dbs is null) yield return $"No DBS check is recorded for {worker.FullName}.";
        else if (DbsShortfall(worker, role) is { } shortfall) yield return $"{shortfall}.";
        if (worker.RightToWork?.ExpiresOn is { } permission && permission >= start && permission < end)
            yield return $"{worker.FullName}'s permission to work in the UK ends on {permission:d MMMM yyyy}, before the planned end: it must be renewed.";
        if (role.RequiresRegistration && worker.Registration is { } registration && registration.ExpiresOn >= start && registration.ExpiresOn < end)
            yield return $"{worker.FullName}'s registration ends on {registration.ExpiresOn:d MMMM yyyy}, before the planned end: it must be renewed.";
    }

    /// <summary>
    /// What is wrong with the worker's DBS certificate for the role: a lower level than the role needs (a higher one
    /// covers a lower). Null when it is enough, when the role states no level, or when none is recorded.
    /// </summary>
    public static string? DbsShortfall(Worker worker, JobRole role)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(role);
        return DbsShortfall(worker.FullName, worker.Dbs?.Level, role.Title, role.RequiredDbsLevel);
    }

    /// <summary>The same, from a worker's name and certificate level and a role's title and level, as a list reads them.</summary>
    public static string? DbsShortfall(string workerName, DbsLevel? held, string roleTitle, DbsLevel? needed) =>
        needed is { } level && held is { } dbs && dbs < level
            ? $"{roleTitle} needs {DbsNeeded(level)}, and {workerName}'s certificate is {Describe(dbs)}"
            : null;

    /// <summary>The certificate a role at the level needs, in words: "an enhanced DBS certificate with the barred lists".</summary>
    public static string DbsNeeded(DbsLevel needed) =>
        needed == DbsLevel.EnhancedWithBarredLists ? "an enhanced DBS certificate with the barred lists" : $"a DBS certificate at {Describe(needed)} level or higher";

    private static string Describe(DbsLevel level) => level switch
    {
        DbsLevel.EnhancedWithBarredLists => "enhanced with the barred lists",
        _ => level.ToString().ToLowerInvariant(),
    };

    /// <summary>The register in words, as a recruiter or an agency knows it: "Social Work England", "HCPC".</summary>
    public static string Describe(RegistrationBody body) => body switch
    {
        RegistrationBody.SocialWorkEngland => "Social Work England",
        RegistrationBody.HealthAndCareProfessionsCouncil => "HCPC",
        RegistrationBody.NursingAndMidwiferyCouncil => "NMC",
        _ => "professional",
    };
}
