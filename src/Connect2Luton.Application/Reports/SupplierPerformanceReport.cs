using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Reports;

/// <summary>What a supplier, a tier of suppliers or every supplier did over the period.</summary>
/// <param name="Released">Requisitions released to it in the period (a tier's or the total's: each requisition once).</param>
/// <param name="Answered">Of those, the ones it has put someone forward for so far.</param>
/// <param name="MedianWait">
/// The median working time (Monday to Friday, on a clock in Luton) from a requisition reaching it in the period to
/// its first candidate for it, over the requisitions it answered; null when it answered none.
/// </param>
/// <param name="Submissions">Candidates it put forward in the period, whatever became of them.</param>
/// <param name="Shortlisted">Of those, the ones shortlisted or placed now.</param>
/// <param name="Placed">
/// Of those, the ones booked (a booking signed off where it needed it, and not called off). The in-house pool puts nobody forward: its figure is its
/// workers booked in the period.
/// </param>
/// <param name="Filled">Of the requisitions released to it in the period, those it has filled so far with someone it put forward (the pool: one of its workers).</param>
/// <param name="LocalResidentsPlaced">Of those placed, the ones living in a Luton postcode district when booked (the districts as the local-candidate preference rules list them today).</param>
/// <param name="PlacementsCosted">The bookings behind those placed, whose committed weeks the margin is read from.</param>
public sealed record SupplierFigures(
    int Released, int Answered, TimeSpan? MedianWait, int Submissions, int Shortlisted, int Placed, int Filled, int LocalResidentsPlaced,
    int PlacementsCosted, decimal WeeklyMargin, decimal WeeklyPayAndStatutoryCosts)
{
    /// <summary>Requisitions filled over requisitions released, both of those released to it in the period; null when none were.</summary>
    public decimal? FillRate => Released == 0 ? null : (decimal)Filled / Released;

    /// <summary>The committed weekly margin of its average placement, in pounds.</summary>
    public decimal? AverageWeeklyMargin => PlacementsCosted == 0 ? null : ReportMoney.Pounds(WeeklyMargin / PlacementsCosted);

    /// <summary>The margin as a share of the pay, holiday pay and employer NI it is charged on, as agencies quote theirs.</summary>
    public decimal? MarginRate => WeeklyPayAndStatutoryCosts == 0 ? null : WeeklyMargin / WeeklyPayAndStatutoryCosts;
}

/// <summary>One agency's figures in one tier (the tier it was released to and submitted in; the pool's is its kind).</summary>
public sealed record AgencyPerformance(int SupplyAgencyId, string Name, SupplyAgencyKind Tier, bool IsLocal, string? DpsReference, SupplierFigures Figures);

public sealed record TierPerformance(SupplyAgencyKind Tier, IReadOnlyList<AgencyPerformance> Agencies, SupplierFigures Subtotal);

public sealed record SupplierPerformanceFigures(DateOnly From, DateOnly To, int? ServiceAreaId, IReadOnlyList<TierPerformance> Tiers, SupplierFigures Total);

/// <summary>
/// How each supplier performed over a period, by tier: requisitions released to it, candidates put forward, how
/// quickly it answered, shortlisted, placed, the share of its requisitions it filled, local residents placed and its
/// margin. Counted in the database by grouped reads; what is read row by row is bounded by the period's releases,
/// answers and placements, never by the history. A hiring manager sees their own service's requisitions only.
/// </summary>
public sealed class SupplierPerformanceReport(
    IReadRepository<ReleasedProfile> releasedProfiles,
    IReadRepository<Domain.SupplyAgencies.SupplyAgency> agencies,
    IReadRepository<SupplierRelease> releases,
    IReadRepository<Submission> submissions,
    IReadRepository<Placement> placements,
    IReadRepository<Requisition> requisitions,
    ReferenceNames names,
    ILocalPreferencePolicy localPreference,
    ReportScope scope,
    TimeProvider clock)
{
    /// <summary>The longest period the report covers at once: three years, as the other period reports offer.</summary>
    public const int LongestMonths = 36;

    public const string FromField = "From";
    public const string ToField = "To";

    private static readonly SupplyAgencyKind[] Tiers = [SupplyAgencyKind.InHousePool, SupplyAgencyKind.LocalSupportingAgency, SupplyAgencyKind.ExternalAgency];

    /// <summary>The three months to today (this one included), where no period is chosen.</summary>
    public (DateOnly From, DateOnly To) DefaultPeriod()
    {
        var today = clock.Today();
        return (new DateOnly(today.Year, today.Month, 1).AddMonths(-2), today);
    }

    /// <summary>What is wrong with a period typed, as at today.</summary>
    public FieldErrors Check(DateOnly from, DateOnly to) => Check(from, to, clock.Today());

    /// <summary>
    /// What is wrong with a period typed, by field: a first day after the last, a first day after
    /// <paramref name="today"/> (nothing has happened yet), or more than <see cref="LongestMonths"/> months.
    /// </summary>
    public static FieldErrors Check(DateOnly from, DateOnly to, DateOnly today)
    {
        var errors = new FieldErrors();
        // A first day after today is said at the first day even when it is also after the last (which, left empty, is today).
        if (from > today) errors.Add(FromField, "The first day must be today or earlier: nothing after today has happened yet");
        else if (to < from) errors.Add(ToField, "The last day must be the same as or after the first day");
        else if (from < to.AddMonths(-LongestMonths)) errors.Add(FromField, $"The period can be at most {LongestMonths / 12} years: choose a later first day");
        return errors;
    }

    public async Task<SupplierPerformanceFigures> GetAsync(DateOnly from, DateOnly to, int? serviceAreaId, CancellationToken cancellationToken)
    {
        if (Check(from, to).Any) throw new ArgumentException("The period must be checked before it is reported on.", nameof(to));
        var areaIds = scope.ServiceAreas(serviceAreaId);
        var requisitionIds = areaIds is null ? null : await requisitions.ListAsync(new RequisitionIdsInServicesSpec(areaIds), cancellationToken);
        var (start, end) = UtcDays.Spanning(from, to);
        var agencies = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id);
        var period = new Period(start, end, areaIds, requisitionIds, [.. agencies.Keys], [.. agencies.Values.Where(a => a.Kind == SupplyAgencyKind.InHousePool).Select(a => a.Id)]);

        var tallies = new SupplierTallies();
        var pooled = await CountReleasesAsync(period, tallies, cancellationToken);
        await CountAnswersAndFillsAsync(period, pooled, tallies, cancellationToken);
        await CountSubmissionsAsync(period, tallies, cancellationToken);
        await CountPlacementsAsync(period, tallies, cancellationToken);

        // Every agency on the list in its tier, so one that did nothing shows as nothing, and any other that did something.
        foreach (var agency in agencies.Values.Where(a => a.IsActive)) tallies.Of(agency.Id, agency.Kind);
        var tiers = Tiers.Select(tier =>
        {
            var rows = tallies.In(tier).Where(t => agencies.ContainsKey(t.Agency))
                .Select(t => (Agency: agencies[t.Agency], t.Tally))
                .OrderBy(t => t.Agency.Name, StringComparer.Ordinal).ThenBy(t => t.Agency.Id).ToList();
            return new TierPerformance(tier,
                [.. rows.Select(r => new AgencyPerformance(r.Agency.Id, r.Agency.Name, tier, r.Agency.IsLocal, r.Agency.DpsReference, SupplierTally.Sum([r.Tally])))],
                SupplierTally.Sum([.. rows.Select(r => r.Tally)]));
        }).ToList();
        return new SupplierPerformanceFigures(from, to, scope.ServiceArea(serviceAreaId), tiers, SupplierTally.Sum(tallies.All));
    }

    /// <summary>Each agency reached in the period, and the pool's agencies wherever the pool was reached; returns the requisitions the pool was.</summary>
    private async Task<List<int>> CountReleasesAsync(Period period, SupplierTallies tallies, CancellationToken cancellationToken)
    {
        // An agency of a kind was released what its kind was; the kinds are as the agencies are now.
        var byKind = (await agencies.ListAsync(new AgencyKindsSpec(), cancellationToken))
            .Where(a => period.AgencyIds.Contains(a.Id)).GroupBy(a => a.Profile).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToList());
        // Every agency of a kind was reached by the same releases: gathered once per kind and tier and shared by its
        // agencies' tallies, not copied to each (a year's releases to 400 external agencies would be millions of entries).
        var released = await releasedProfiles.ListAsync(new ProfileReleasesBetweenSpec(period.Start, period.End, period.RequisitionIds), cancellationToken);
        var byProfile = new Dictionary<(AgencyProfile Profile, SupplyAgencyKind Tier), Dictionary<int, DateTimeOffset>>();
        foreach (var release in released)
        {
            if (!byProfile.TryGetValue((release.Profile, release.Tier), out var reached)) byProfile[(release.Profile, release.Tier)] = reached = [];
            SupplierTally.Earliest(reached, release.RequisitionId, release.ReleasedAt);
        }
        foreach (var ((profile, tier), reached) in byProfile)
        {
            foreach (var agency in byKind.GetValueOrDefault(profile) ?? []) tallies.Of(agency, tier).Reached(reached);
        }
        var toPool = await releases.ListAsync(new InHouseReleasesBetweenSpec(period.Start, period.End, period.RequisitionIds), cancellationToken);
        var pooled = new Dictionary<int, DateTimeOffset>();
        foreach (var release in toPool) SupplierTally.Earliest(pooled, release.RequisitionId, release.ReleasedAt);
        if (pooled.Count > 0)
        {
            foreach (var agency in period.InHouse) tallies.Of(agency, SupplyAgencyKind.InHousePool).Reached(pooled);
        }
        return [.. pooled.Keys];
    }

    /// <summary>Each agency's first candidate for each requisition released to it, and which it filled (the pool: with its own workers).</summary>
    private async Task CountAnswersAndFillsAsync(Period period, List<int> pooled, SupplierTallies tallies, CancellationToken cancellationToken)
    {
        // A requisition can only be answered after it reached the agency, so no submission before the period matters.
        var answers = (await submissions.GroupAsync(
            new SubmissionsSinceSpec(period.Start, period.AgencyIds, period.RequisitionIds),
            s => new { s.SupplyAgencyId, s.RequisitionId },
            g => new FirstSubmission { SupplyAgencyId = g.Key.SupplyAgencyId, RequisitionId = g.Key.RequisitionId, FirstAt = g.Min(s => s.SubmittedAt), Placed = g.Max(s => s.Placed) },
            cancellationToken));
        // An answer counts for each tier the agency was reached in with the requisition (looked up from the answers,
        // which are far fewer than the requisitions reaching every agency).
        foreach (var answer in answers)
        {
            foreach (var tier in Tiers)
            {
                if (tallies.Find(answer.SupplyAgencyId, tier) is { } tally && tally.ReleasedAt.ContainsKey(answer.RequisitionId))
                    tally.Answer(answer.RequisitionId, answer.FirstAt, answer.Placed > 0);
            }
        }
        if (pooled.Count == 0 || period.InHouse.Count == 0) return;
        var fills = (await placements.ListAsync(new FillsOfRequisitionsSpec(pooled), cancellationToken))
            .Where(f => period.InHouse.Contains(f.SupplyAgencyId)).DistinctBy(f => (f.SupplyAgencyId, f.RequisitionId));
        foreach (var fill in fills) tallies.Of(fill.SupplyAgencyId, SupplyAgencyKind.InHousePool).Fill(fill.RequisitionId);
    }

    /// <summary>The candidates put forward in the period, by where each stands now.</summary>
    private async Task CountSubmissionsAsync(Period period, SupplierTallies tallies, CancellationToken cancellationToken)
    {
        var standings = await submissions.GroupAsync(new SubmissionsBetweenSpec(period.Start, period.End, period.RequisitionIds), s => new { s.SupplyAgencyId, s.Tier, s.Status },
            g => new SubmissionStanding { SupplyAgencyId = g.Key.SupplyAgencyId, Tier = g.Key.Tier, Status = g.Key.Status, Submissions = g.Count() }, cancellationToken);
        foreach (var standing in standings) tallies.Of(standing.SupplyAgencyId, standing.Tier).Submitted(standing.Status, standing.Submissions);
    }

    /// <summary>Placed, local residents and margin: the bookings made from the period's submissions, and the pool's bookings in the period.</summary>
    private async Task CountPlacementsAsync(Period period, SupplierTallies tallies, CancellationToken cancellationToken)
    {
        var placed = await submissions.ListAsync(new PlacedSubmissionsBetweenSpec(period.Start, period.End, period.RequisitionIds), cancellationToken);
        var bookings = (placed.Count == 0 ? [] : await placements.ListAsync(
            new BookingsOfWorkersSpec([.. placed.Select(p => p.RequisitionId).Distinct()], [.. placed.Select(p => p.WorkerId).Distinct()]), cancellationToken))
            .ToLookup(b => (b.RequisitionId, b.WorkerId));
        var pool = period.InHouse.Count == 0 ? [] : await placements.GroupAsync(
            new BookingsBetweenSpec(period.Start, period.End, period.InHouse, period.AreaIds),
            p => new { p.SupplyAgencyId, p.WorkerPostcodeDistrict },
            g => new BookingWeek
            {
                SupplyAgencyId = g.Key.SupplyAgencyId,
                WorkerPostcodeDistrict = g.Key.WorkerPostcodeDistrict,
                Placements = g.Sum(p => p.Placements),
                WeeklyMargin = g.Sum(p => p.WeeklyMargin),
                WeeklyPayAndStatutoryCosts = g.Sum(p => p.WeeklyPayAndStatutoryCosts),
            },
            cancellationToken);
        // Local residents are counted by the district each worker lived in when booked, kept on the placement: the
        // pool's bookings are grouped by it, a few groups rather than one for each worker each looked up (half a
        // second for a year at national scale).
        var districts = await localPreference.LutonDistrictsAsync(cancellationToken);
        foreach (var submission in placed)
        {
            var weeks = bookings[(submission.RequisitionId, submission.WorkerId)].ToList();
            // Placed on a booking still waiting for sign-off: not counted until it is signed, as the pool's are not.
            if (weeks.Count == 0) continue;
            tallies.Of(submission.SupplyAgencyId, submission.Tier)
                .Place(1, weeks.Any(w => districts.Contains(w.WorkerPostcodeDistrict)), weeks.Count, weeks.Sum(w => w.WeeklyMargin), weeks.Sum(w => w.WeeklyPayAndStatutoryCosts));
        }
        foreach (var booking in pool)
        {
            tallies.Of(booking.SupplyAgencyId, SupplyAgencyKind.InHousePool)
                .Place(booking.Placements, districts.Contains(booking.WorkerPostcodeDistrict), booking.Placements, booking.WeeklyMargin, booking.WeeklyPayAndStatutoryCosts);
        }
    }
}

/// <summary>The moments a period spans, the reader's services and their requisitions (null: every one), every agency, and the in-house pool's.</summary>
internal sealed record Period(
    DateTimeOffset Start, DateTimeOffset End, IReadOnlyCollection<int>? AreaIds, IReadOnlyCollection<int>? RequisitionIds,
    IReadOnlyCollection<int> AgencyIds, IReadOnlyCollection<int> InHouse);

/// <summary>A tally for each agency in each tier it acted in, made when first needed.</summary>
internal sealed class SupplierTallies
{
    private readonly Dictionary<(int Agency, SupplyAgencyKind Tier), SupplierTally> _tallies = [];

    public IReadOnlyCollection<SupplierTally> All => _tallies.Values;

    public IEnumerable<(int Agency, SupplierTally Tally)> In(SupplyAgencyKind tier) => _tallies.Where(t => t.Key.Tier == tier).Select(t => (t.Key.Agency, t.Value));

    public SupplierTally Of(int agency, SupplyAgencyKind tier) =>
        _tallies.TryGetValue((agency, tier), out var tally) ? tally : _tallies[(agency, tier)] = new SupplierTally();

    public SupplierTally? Find(int agency, SupplyAgencyKind tier) => _tallies.GetValueOrDefault((agency, tier));
}

/// <summary>What one agency did in one tier, gathered from the grouped reads; a tier's and the total's figures are the union of these.</summary>
internal sealed class SupplierTally
{
    private readonly Dictionary<int, TimeSpan> _waits = [];
    private readonly HashSet<int> _filled = [];
    private int _submissions;
    private int _shortlisted;
    private int _placed;
    private int _local;
    private int _costed;
    private decimal _margin;
    private decimal _costs;

    private static readonly Dictionary<int, DateTimeOffset> NoneReached = [];

    /// <summary>
    /// The requisitions released to it in the period, and when each first reached it: the same dictionary for every
    /// agency reached by the same releases, so it is never changed once shared.
    /// </summary>
    public IReadOnlyDictionary<int, DateTimeOffset> ReleasedAt { get; private set; } = NoneReached;

    /// <summary>Reached by these releases too; a tally reached by two sets gets a merged copy of its own.</summary>
    public void Reached(IReadOnlyDictionary<int, DateTimeOffset> releases)
    {
        if (ReferenceEquals(ReleasedAt, NoneReached))
        {
            ReleasedAt = releases;
            return;
        }
        var merged = new Dictionary<int, DateTimeOffset>(ReleasedAt);
        foreach (var (requisitionId, at) in releases) Earliest(merged, requisitionId, at);
        ReleasedAt = merged;
    }

    public static void Earliest(Dictionary<int, DateTimeOffset> releasedAt, int requisitionId, DateTimeOffset at)
    {
        if (!releasedAt.TryGetValue(requisitionId, out var earlier) || at < earlier) releasedAt[requisitionId] = at;
    }

    /// <summary>Its first candidate for a requisition released to it, and whether one of its candidates for it is placed.</summary>
    public void Answer(int requisitionId, DateTimeOffset firstAt, bool placed)
    {
        // Working days are counted on the clock in Luton, as the release rules count them.
        _waits[requisitionId] = WorkingTime.Between(UkClock.InUk(ReleasedAt[requisitionId]).DateTime, UkClock.InUk(firstAt).DateTime);
        if (placed) _filled.Add(requisitionId);
    }

    public void Fill(int requisitionId)
    {
        if (ReleasedAt.ContainsKey(requisitionId)) _filled.Add(requisitionId);
    }

    public void Submitted(SubmissionStatus status, int count)
    {
        _submissions += count;
        if (status is SubmissionStatus.Shortlisted or SubmissionStatus.Placed) _shortlisted += count;
    }

    public void Place(int placed, bool local, int costed, decimal weeklyMargin, decimal weeklyCosts)
    {
        _placed += placed;
        if (local) _local += placed;
        _costed += costed;
        _margin += weeklyMargin;
        _costs += weeklyCosts;
    }

    /// <summary>
    /// The figures of some tallies together: a requisition released to several of them counts once, and the median
    /// wait is over every agency's answer.
    /// </summary>
    public static SupplierFigures Sum(IReadOnlyCollection<SupplierTally> tallies)
    {
        var waits = tallies.SelectMany(t => t._waits.Values).Order().ToList();
        return new SupplierFigures(
            Released(tallies),
            tallies.SelectMany(t => t._waits.Keys).Distinct().Count(),
            Median(waits),
            tallies.Sum(t => t._submissions),
            tallies.Sum(t => t._shortlisted),
            tallies.Sum(t => t._placed),
            tallies.SelectMany(t => t._filled).Distinct().Count(),
            tallies.Sum(t => t._local),
            tallies.Sum(t => t._costed),
            tallies.Sum(t => t._margin),
            tallies.Sum(t => t._costs));
    }

    // Each shared set of releases once: a tier of 400 agencies reached by the same releases is one set, not 400.
    private static int Released(IReadOnlyCollection<SupplierTally> tallies)
    {
        var sets = tallies.Select(t => t.ReleasedAt).Distinct(ReferenceEqualityComparer.Instance).Cast<IReadOnlyDictionary<int, DateTimeOffset>>().ToList();
        if (sets.Count == 1) return sets[0].Count;
        var released = new HashSet<int>();
        foreach (var set in sets) released.UnionWith(set.Keys);
        return released.Count;
    }

    private static TimeSpan? Median(List<TimeSpan> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
