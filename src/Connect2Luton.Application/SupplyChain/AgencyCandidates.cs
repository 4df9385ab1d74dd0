using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// An agency's own records of the candidates it puts forward: the same details and checks a recruiter keeps (right to
/// work, DBS and the Update Service, registration, qualification for post-qualified experience, last council post),
/// always supplied by the user's own agency, and with a date of birth. Another agency's worker, or an in-house
/// worker, is not found.
/// </summary>
public sealed class AgencyCandidates(
    IRepository<Worker> workers,
    IRepository<Submission> submissions,
    IRepository<CandidateClaim> claims,
    IReadRepository<SupplyAgency> agencies,
    IReadRepository<Requisition> requisitions,
    IReadRepository<JobRole> jobRoles,
    WorkerQueries queries,
    IUnitOfWork unitOfWork,
    ICouncilRegister councils,
    DataScope scope,
    TimeProvider clock)
{
    /// <summary>
    /// A page of the candidates the agency keeps, by surname, narrowed to names beginning with what was typed; null
    /// for a deactivated agency's staff.
    /// </summary>
    public async Task<PagedResult<AgencyWorkerRow>?> ListAsync(string? name, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (await ActiveAgencyAsync(cancellationToken) is not { } agency) return null;
        var total = await workers.CountAsync(new AgencyWorkersSpec(agency, name), cancellationToken);
        page = page.Within(total);
        var rows = await workers.ListAsync(new AgencyWorkersSpec(agency, name, page.Skip, page.Size), cancellationToken);
        return new PagedResult<AgencyWorkerRow>(rows, page.Page, page.Size, total);
    }

    /// <summary>How many candidates a vacancy offers in one list; past it, the agency searches by name.</summary>
    public const int MostChoices = 200;

    /// <summary>
    /// The agency's candidates a vacancy offers to put forward (see <see cref="PutForwardChoicesSpec"/>), at most
    /// <see cref="MostChoices"/>, and whether there are more than that; null for a deactivated agency's staff.
    /// </summary>
    public async Task<PutForwardChoices?> ForVacancyAsync(SuppliedRequisition vacancy, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        if (await ActiveAgencyAsync(cancellationToken) is not { } agency) return null;
        var putForward = await submissions.ListAsync(new PutForwardWorkersSpec(agency, vacancy.Id), cancellationToken);
        var found = await workers.ListAsync(new PutForwardChoicesSpec(agency, vacancy.JobFamily, vacancy.RequiredRegistration, vacancy.RequiredDbsLevel, putForward, name, MostChoices + 1), cancellationToken);
        return new PutForwardChoices(found.Take(MostChoices).ToList(), found.Count > MostChoices);
    }

    /// <summary>One of the candidates the agency keeps, as their page shows them; null for anyone else's.</summary>
    public async Task<WorkerView?> DetailsAsync(int id, CancellationToken cancellationToken) =>
        await ActiveAgencyAsync(cancellationToken) is { } agency
        && await workers.FirstOrDefaultAsync(new WorkerByIdSpec(id), cancellationToken) is { KeptByAgency: true } worker && worker.SupplyAgencyId == agency
            ? await queries.DetailsAsync(id, cancellationToken)
            : null;

    /// <summary>Whether the user acts for an agency still in use, so may add a candidate: the form is not offered otherwise.</summary>
    public async Task<bool> CanAddAsync(CancellationToken cancellationToken) => await ActiveAgencyAsync(cancellationToken) is not null;

    /// <summary>The agency the user acts for, while it is in use: a deactivated agency's staff keep nothing and change nothing.</summary>
    private async Task<int?> ActiveAgencyAsync(CancellationToken cancellationToken) =>
        scope.OnlySupplyAgency is { } id && await agencies.AnyAsync(new ActiveAgencySpec(id), cancellationToken) ? id : null;

    public async Task<CommandResult> AddAsync(WorkerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (scope.OnlySupplyAgency is null) return CommandResult.Forbidden("Only agency staff keep their agency's candidates here.");
        if (await ActiveAgencyAsync(cancellationToken) is not { } agency) return CommandResult.NotFound();
        var (profile, errors) = await ValidateAsync(input, agency, cancellationToken);
        if (errors.Any) return errors.ToResult();

        var worker = new Worker(profile!, clock.GetUtcNow());
        worker.KeepByAgency();
        WorkerRules.RecordChecks(worker, input);
        workers.Add(worker);
        return await SaveAsync(worker, cancellationToken);
    }

    public async Task<CommandResult> UpdateAsync(int id, int version, WorkerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (scope.OnlySupplyAgency is null) return CommandResult.Forbidden("Only agency staff keep their agency's candidates here.");
        if (await ActiveAgencyAsync(cancellationToken) is not { } agency) return CommandResult.NotFound();
        var worker = await workers.GetByIdAsync(id, cancellationToken);
        if (worker is null || worker.SupplyAgencyId != agency || !worker.KeptByAgency) return CommandResult.NotFound();
        var (profile, errors) = await ValidateAsync(input, agency, cancellationToken);
        WorkerRules.KeepRecordedChecks(worker, input, errors);
        if (errors.Any) return errors.ToResult();

        workers.ExpectVersion(worker, version);
        worker.Update(profile!);
        WorkerRules.RecordChecks(worker, input);
        var waiting = await submissions.ListAsync(new LiveSubmissionsOfSpec(worker.Id), cancellationToken);
        var unsuitable = await StillSuitableAsync(worker, waiting, cancellationToken);
        if (unsuitable.Any) return unsuitable.ToResult();
        if (await ClaimAgainAsync(worker, waiting, cancellationToken) is { } taken) return taken;
        return await SaveAsync(worker, cancellationToken);
    }

    /// <summary>
    /// A candidate put forward and still waiting (received or shortlisted) must stay someone who could be put forward
    /// for each vacancy, asked as putting them forward asks: otherwise a recruiter would shortlist, and book, someone
    /// the agency could not have put forward. An edit that would make them so is refused beside the detail, naming
    /// the vacancy, once per detail.
    /// </summary>
    private async Task<FieldErrors> StillSuitableAsync(Worker worker, List<Submission> waiting, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (waiting.Count == 0) return errors;
        var vacancies = await requisitions.ListAsync(new SuppliedRequisitionsSpec(waiting.Select(s => s.RequisitionId).Distinct().ToList()), cancellationToken);
        var roles = new Dictionary<int, JobRole>();
        foreach (var vacancy in vacancies.OrderBy(v => v.StartDate).ThenBy(v => v.Id))
        {
            if (!roles.TryGetValue(vacancy.JobRoleId, out var role))
                roles[vacancy.JobRoleId] = role = await jobRoles.FirstOrDefaultAsync(new JobRoleByIdSpec(vacancy.JobRoleId), cancellationToken)
                    ?? throw new InvalidOperationException($"Role {vacancy.JobRoleId} is not there.");
            foreach (var shortfall in PutForwardChecks.Shortfalls(worker, role, vacancy.StartDate).Where(s => !errors.Has(s.Field)))
                errors.Add(shortfall.Field,
                    $"{worker.FullName} is put forward for {vacancy.Title} from {vacancy.StartDate:d MMMM yyyy}, which {shortfall.Needs}: withdraw them from it first, or keep their {shortfall.Keep}");
        }
        return errors;
    }

    /// <summary>
    /// A candidate put forward and still waiting is claimed again under their details as changed, in the same save:
    /// details changed to another agency's candidate's are refused, as putting that person forward would be.
    /// </summary>
    private async Task<CommandResult?> ClaimAgainAsync(Worker worker, List<Submission> waiting, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = CandidateKeys.Of(worker);
        // The in-house pool is considered for every role first, so details changed to a pooled worker's are refused too.
        if (waiting.Count > 0 && await InHousePool.KeepsAsync(workers, worker, keys, cancellationToken)) return TakenBySomeoneElse(worker);
        foreach (var submission in waiting)
        {
            var held = await claims.ListAsync(new ClaimsOnSpec(submission.RequisitionId, keys), cancellationToken);
            if (held.Any(c => c.SubmissionId != submission.Id && c.Submission.OwnsCandidateAt(now)))
                return TakenBySomeoneElse(worker);
            foreach (var key in keys.Where(k => held.All(c => c.Key != k))) claims.Add(new CandidateClaim(submission.RequisitionId, key, submission));
            foreach (var claim in held.Where(c => c.SubmissionId != submission.Id)) claim.PassTo(submission, now);
        }
        return null;
    }

    private static CommandResult TakenBySomeoneElse(Worker worker) =>
        CommandResult.Invalid(nameof(WorkerInput.Email), $"These details are of someone already put forward for a vacancy {worker.FullName} is put forward for: withdraw {worker.FullName} from it first");

    /// <summary>Every message the form would get, saving nothing.</summary>
    public async Task<CommandResult> CheckAsync(WorkerInput input, CancellationToken cancellationToken) =>
        scope.OnlySupplyAgency is { } agency
            ? (await ValidateAsync(input, agency, cancellationToken)).Errors.ToResult()
            : CommandResult.Forbidden("Only agency staff keep their agency's candidates here.");

    private async Task<(WorkerProfile? Profile, FieldErrors Errors)> ValidateAsync(WorkerInput input, int agency, CancellationToken cancellationToken)
    {
        // The agency is the user's own whatever the form says; a deactivated agency still keeps its records.
        var own = input with { SupplyAgencyId = agency };
        var (profile, errors) = WorkerRules.Check(own, await agencies.ListAsync(new SupplyAgencyNamesSpec(), cancellationToken), agency, clock.Today(), councils);
        if (input.DateOfBirth is null && !errors.Has(nameof(WorkerInput.DateOfBirth)))
            errors.Add(nameof(WorkerInput.DateOfBirth), "Enter their date of birth, like 27 3 1990");
        return errors.Any ? (null, errors) : (profile, errors);
    }

    private async Task<CommandResult> SaveAsync(Worker worker, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(worker.Id);
    }
}

/// <param name="More">Further candidates match than are listed: the page offers a search by name.</param>
public sealed record PutForwardChoices(IReadOnlyList<CandidateChoice> Candidates, bool More);
