using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// Whether an agency's candidate's record lets them be put forward for a role, decided here once: when the agency
/// puts them forward, when it edits a candidate still waiting on a vacancy, and when a recruiter shortlists them. A
/// record that passed when put forward can be changed since, so the later two ask again rather than trust the first.
/// </summary>
public static class PutForwardChecks
{
    /// <summary>Why the candidate cannot be put forward for the role, in the agency's words; null if they can.</summary>
    public static string? Refusal(Worker worker, JobRole role, DateOnly start)
    {
        var shortfalls = Shortfalls(worker, role, start);
        if (shortfalls.Any(s => s.Field == nameof(WorkerInput.JobFamily)))
            return $"{worker.FullName}'s record is for a different kind of work from {role.Title}: put forward someone in its job family";
        if (shortfalls.Any(s => s.Field == nameof(WorkerInput.DateOfBirth))) return $"Record {worker.FullName}'s date of birth before putting them forward";
        return shortfalls.Count == 0 ? null : $"{worker.FullName} cannot be put forward yet: {string.Join("; ", shortfalls.Select(s => s.Missing))}";
    }

    /// <summary>Each detail of the candidate's record that stops them being put forward for the role from the day; empty if none does.</summary>
    public static IReadOnlyList<PutForwardShortfall> Shortfalls(Worker worker, JobRole role, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(role);
        var found = new List<PutForwardShortfall>();
        if (worker.JobFamily != role.JobFamily)
            found.Add(new(nameof(WorkerInput.JobFamily), $"{worker.FullName}'s record is for a different kind of work from {role.Title}",
                $"is for {role.Title}, in another job family", "job family"));
        if (worker.DateOfBirth is null)
            found.Add(new(nameof(WorkerInput.DateOfBirth), "no date of birth is recorded", "needs their date of birth", "date of birth"));
        // The booking's own refusals, as the agency reads them: there is no booking yet to record anything before.
        if (BookingCompliance.RightToWorkRefusal(worker, start) is { } rightToWork)
            found.Add(new(worker.RightToWork is null ? nameof(WorkerInput.RightToWorkCheckedOn) : nameof(WorkerInput.RightToWorkExpiresOn),
                rightToWork.Replace(": record it on their record before booking", string.Empty, StringComparison.Ordinal),
                "needs their right to work in the UK from its start", "right to work"));
        if (BookingCompliance.RegistrationRefusal(worker, role, start) is { } registration)
            found.Add(new(worker.Registration?.Body == role.RequiredRegistration ? nameof(WorkerInput.RegistrationExpiresOn) : nameof(WorkerInput.RegistrationBody),
                registration, $"needs {BookingCompliance.Describe(role.RequiredRegistration)} registration from its start", "registration"));
        if (worker.Dbs is null)
            found.Add(new(nameof(WorkerInput.DbsIssuedOn), "no DBS certificate is recorded",
                role.RequiredDbsLevel is { } any ? $"needs {BookingCompliance.DbsNeeded(any)}" : "needs a DBS certificate", "certificate"));
        else if (BookingCompliance.DbsShortfall(worker, role) is { } shortfall)
            found.Add(new(nameof(WorkerInput.DbsLevel), shortfall, $"needs {BookingCompliance.DbsNeeded(role.RequiredDbsLevel!.Value)}", "certificate"));
        return found;
    }
}

/// <summary>One detail of a candidate's record that stops them being put forward for a role.</summary>
/// <param name="Field">The <see cref="WorkerInput"/> field it is about, for an edit refused beside it.</param>
/// <param name="Missing">What is wrong, as the agency reads it when putting the candidate forward.</param>
/// <param name="Needs">What the role asks, finishing "…, which ": "needs an enhanced DBS certificate with the barred lists".</param>
/// <param name="Keep">What of theirs to keep, finishing "or keep their ": "certificate".</param>
public sealed record PutForwardShortfall(string Field, string Missing, string Needs, string Keep);
