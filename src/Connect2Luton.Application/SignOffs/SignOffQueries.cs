using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SignOffs;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SignOffs;

/// <summary>A sign-off in a holder's list: whose placement, what it asks, for which post, since when.</summary>
public sealed record SignOffRow(
    int SignOffId, int PlacementId, SignOffSubject Subject, string Position, string Worker, string JobRole, string ServiceArea,
    decimal PayRate, DateOnly StartDate, DateOnly PlannedEndDate, DateOnly? ExtendTo, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>What a user has to sign: the posts they hold, what waits for them, and what they decided lately.</summary>
public sealed record MySignOffs(IReadOnlyList<string> Positions, IReadOnlyList<SignOffRow> Awaiting, int AwaitingCount, IReadOnlyList<SignOffRow> Decided);

/// <summary>One post's part in a request: waiting, or given or declined by whom, when, and why.</summary>
public sealed record SignOffView(int Id, string Position, SignOffState State, string? DecidedByName, DateTimeOffset? DecidedAt, string? Note);

/// <summary>
/// A request for sign-off as its signers read it: the placement's terms, what is asked (a rate over its cap, or an
/// extension past the longest length) and why, the rules' decision and its reasons, and every post's part.
/// </summary>
/// <param name="CannotSign">Why this user cannot sign it though they hold the post (they asked for it, or signed for another post); null if they can.</param>
public sealed record SignOffRequestView(
    int SignOffId, int PlacementId, int PlacementVersion, PlacementStatus Status, SignOffSubject Subject, string Position, SignOffState State,
    string Worker, string Supplier, string JobRole, string ServiceArea, PlacementRates Rates, decimal WeeklyHours, DateOnly StartDate, DateOnly PlannedEndDate,
    decimal? Cap, decimal? Measured, DateOnly? ExtendFrom, DateOnly? ExtendTo, string Reason, string AgreedWith, string RequestedBy, DateTimeOffset RequestedAt,
    DecisionView? Decision, IReadOnlyList<SignOffView> Request, string? CannotSign)
{
    public bool CanSign => State == SignOffState.Awaiting && CannotSign is null;
}

/// <summary>What waits for a user's sign-off, and each request in full for those who hold one of its posts.</summary>
public sealed class SignOffQueries(
    IReadRepository<SignOffPosition> positions,
    IReadRepository<SignOff> signOffs,
    IReadRepository<Placement> placements,
    IReadRepository<Worker> workers,
    ReferenceNames names,
    IUserDirectory directory,
    ICurrentUser user,
    Common.Caching.SingleFlightCache cache,
    Common.Caching.ChangeCounters changes)
{
    private const int Shown = 200;

    // Read at most this many waiting sign-offs to count a user's requests: far more than any post has waiting.
    private const int Counted = 5_000;

    /// <summary>The posts the user holds or deputises for.</summary>
    public async Task<IReadOnlyList<string>> PositionsHeldAsync(CancellationToken cancellationToken) =>
        await positions.ListAsync(new PositionsHeldBySpec(user.Name), cancellationToken);

    /// <summary>
    /// How many requests wait for the user to sign (for the dashboard); null for someone holding no post. Kept
    /// until a sign-off or a post changes, as the dashboard is read far more often than either.
    /// </summary>
    public Task<int?> AwaitingCountAsync(CancellationToken cancellationToken)
    {
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"awaiting-sign-off|{user.Name}|{changes.Of<SignOff>()}|{changes.Of<SignOffPosition>()}");
        return cache.GetAsync(key, async () =>
            await PositionsHeldAsync(cancellationToken) is { Count: > 0 } held ? (int?)(await ActionableAsync(held, cancellationToken)).Count : null, _ => 1, cancellationToken);
    }

    public async Task<MySignOffs> QueueAsync(CancellationToken cancellationToken)
    {
        var held = await PositionsHeldAsync(cancellationToken);
        var awaiting = await ActionableAsync(held, cancellationToken);
        var decided = await signOffs.ListAsync(new DecidedBySpec(user.Name, 20), cancellationToken);
        return new MySignOffs(held, await RowsAsync([.. awaiting.Take(Shown)], cancellationToken), awaiting.Count, await RowsAsync(decided, cancellationToken));
    }

    /// <summary>
    /// The requests the user can sign now, one line each (the first of their posts it waits for): not those they
    /// asked for, nor those they have signed for another post already.
    /// </summary>
    private async Task<List<AwaitedSignOff>> ActionableAsync(IReadOnlyList<string> held, CancellationToken cancellationToken)
    {
        if (held.Count == 0) return [];
        var awaiting = (await signOffs.ListAsync(new AwaitingSignOffsSpec(held, user.Name, Counted), cancellationToken))
            .Where(s => !string.Equals(s.RequestedBy, user.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (awaiting.Count == 0) return awaiting;
        var signed = (await signOffs.ListAsync(new GivenOnPlacementsSpec(user.Name, awaiting.Select(s => s.PlacementId).Distinct().ToList()), cancellationToken))
            .Select(s => s.Request).ToHashSet();
        return awaiting.Where(s => !signed.Contains(s.Request)).DistinctBy(s => s.Request).ToList();
    }

    /// <summary>
    /// A request, for someone who holds (or deputises for) one of its posts. <c>NotHeld</c> for anyone else; both
    /// null and false where there is no such sign-off.
    /// </summary>
    public async Task<(SignOffRequestView? View, bool NotHeld)> GetAsync(int signOffId, CancellationToken cancellationToken)
    {
        var placementId = await signOffs.FirstOrDefaultAsync(new SignOffByIdSpec(signOffId), cancellationToken);
        if (placementId == 0) return (null, false);
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(placementId, forUpdate: false), cancellationToken);
        var signOff = placement?.SignOffs.FirstOrDefault(s => s.Id == signOffId);
        if (placement is null || signOff is null) return (null, false);
        var request = placement.SignOffs.Where(s => s.SameRequestAs(signOff)).OrderBy(s => s.Id).ToList();
        var held = await PositionsHeldAsync(cancellationToken);
        // Whoever holds one of its posts reads it, and so does anyone who signed or declined part of it (a holder since moved on).
        if (!request.Any(s => held.Contains(s.Position, StringComparer.OrdinalIgnoreCase) || string.Equals(s.DecidedBy, user.Name, StringComparison.OrdinalIgnoreCase)))
            return (null, true);
        var people = await NamesAsync(cancellationToken);

        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(placement.WorkerId), cancellationToken);
        var area = (await names.ServiceAreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.ServiceAreaId)?.Name ?? "?";
        var role = (await names.JobRolesAsync(cancellationToken)).FirstOrDefault(r => r.Id == placement.JobRoleId)?.Title ?? "?";
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.SupplyAgencyId)?.Name ?? "?";
        var exception = placement.CapExceptions.FirstOrDefault(c => c.Id == signOff.CapExceptionId);
        var extension = placement.Extensions.FirstOrDefault(e => e.Id == signOff.ExtensionId);
        var decision = exception?.Decision ?? extension?.Decision;
        decision ??= placement.Decisions.FirstOrDefault(d => d.Id == (exception?.DecisionId ?? extension?.DecisionId));

        return (new SignOffRequestView(
            signOff.Id, placement.Id, placement.Version, placement.Status, signOff.Subject, signOff.Position, signOff.State,
            worker?.FullName ?? "?", supplier, role, area, placement.Rates, placement.WeeklyHours, placement.StartDate, placement.PlannedEndDate,
            exception?.Cap, exception?.Measured, extension?.PreviousEndDate, extension?.NewEndDate,
            exception?.Reason ?? extension?.Reason ?? string.Empty, extension?.ApprovedBy ?? string.Empty, people.GetValueOrDefault(signOff.RequestedBy, signOff.RequestedBy), signOff.RequestedAt,
            decision is null ? null : new DecisionView(decision.Id, decision.RuleSet, decision.RuleSetVersion, decision.Outcome, decision.DecidedBy, decision.DecidedAt, decision.Reasons, decision.InputsJson),
            request.Select(s => new SignOffView(s.Id, s.Position, s.State, s.DecidedByName, s.DecidedAt, s.Note)).ToList(),
            WhyNot(placement, signOff, held)), false);
    }

    private string? WhyNot(Placement placement, SignOff signOff, IReadOnlyList<string> held) =>
        held.Contains(signOff.Position, StringComparer.OrdinalIgnoreCase)
            ? placement.WhyCannotSign(signOff, user.Name)
            : $"Only the {signOff.Position}, or their deputy, can sign this part.";

    private async Task<IReadOnlyList<SignOffRow>> RowsAsync(List<AwaitedSignOff> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return [];
        var rows = (await placements.ListAsync(new SignOffPlacementsSpec(items.Select(i => i.PlacementId).Distinct().ToList()), cancellationToken)).ToDictionary(p => p.Id);
        var people = (await workers.ListAsync(new WorkerNamesSpec(rows.Values.Select(r => r.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var asked = await NamesAsync(cancellationToken);
        return items.Where(i => rows.ContainsKey(i.PlacementId)).Select(i =>
        {
            var p = rows[i.PlacementId];
            return new SignOffRow(i.Id, p.Id, i.Subject, i.Position, people.GetValueOrDefault(p.WorkerId, "?"), roles.GetValueOrDefault(p.JobRoleId, "?"),
                areas.GetValueOrDefault(p.ServiceAreaId, "?"), p.PayRate, p.StartDate, p.PlannedEndDate, i.ExtendTo, asked.GetValueOrDefault(i.RequestedBy, i.RequestedBy), i.RequestedAt);
        }).ToList();
    }

    /// <summary>User name to the name pages show, for saying who asked.</summary>
    private async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken) =>
        (await directory.ActiveAsync(cancellationToken)).ToDictionary(u => u.UserName, u => u.Name, StringComparer.OrdinalIgnoreCase);
}
