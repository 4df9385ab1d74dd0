using System.Globalization;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Reports;

/// <summary>One post's part in signing off a cap exception: who signed for it and when, or that it waits or was declined.</summary>
public sealed record CapSignature(int CapExceptionId, string Position, SignOffState State, string? Name, DateTimeOffset? At);

public sealed class CapSignaturesSpec : Specification<SignOff, CapSignature>
{
    public CapSignaturesSpec(IReadOnlyCollection<int> capExceptionIds)
    {
        Query.Where(s => s.CapExceptionId != null && capExceptionIds.Contains(s.CapExceptionId.Value)).OrderBy(s => s.Id).AsNoTracking();
        Query.Select(s => new CapSignature(s.CapExceptionId!.Value, s.Position, s.State, s.DecidedByName, s.DecidedAt));
    }
}

/// <summary>Who signed each cap exception off and when, as the register and the DfE return say it.</summary>
public static class CapSignatures
{
    public static async Task<ILookup<int, CapSignature>> ReadAsync(IReadRepository<SignOff> signOffs, IReadOnlyCollection<int> capExceptionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signOffs);
        if (capExceptionIds.Count == 0) return Array.Empty<CapSignature>().ToLookup(s => s.CapExceptionId);
        // In batches: a parameter each, and a period can hold many exceptions.
        var all = new List<CapSignature>();
        foreach (var batch in capExceptionIds.Chunk(1000)) all.AddRange(await signOffs.ListAsync(new CapSignaturesSpec(batch), cancellationToken));
        return all.ToLookup(s => s.CapExceptionId);
    }

    /// <summary>
    /// "Director of Children's Services: Jane Smith, 24 Nov 2026 10:03; Chief Executive: waiting". An exception recorded
    /// before sign-offs were given in the app has none, and shows the names recorded with it.
    /// </summary>
    public static string InWords(IEnumerable<CapSignature> signatures, string recorded)
    {
        var parts = signatures.Select(s => s.State switch
        {
            SignOffState.Given => $"{s.Position}: {s.Name}, {When(s.At)}",
            SignOffState.Declined => $"{s.Position}: declined by {s.Name}, {When(s.At)}",
            SignOffState.Awaiting => $"{s.Position}: waiting",
            _ => $"{s.Position}: no longer needed",
        }).ToList();
        return parts.Count == 0 ? recorded : string.Join("; ", parts);
    }

    /// <summary>Where the exception stands: signed off, waiting, or declined.</summary>
    public static string Standing(IReadOnlyCollection<CapSignature> signatures) =>
        signatures.Count == 0 || signatures.All(s => s.State == SignOffState.Given) ? "Signed off"
        : signatures.Any(s => s.State == SignOffState.Declined) ? "Declined"
        : signatures.Any(s => s.State == SignOffState.Awaiting) ? "Waiting for sign-off"
        : "Called off";

    private static string When(DateTimeOffset? at) =>
        at is { } moment ? UkClock.InUk(moment).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB")) : string.Empty;
}
