using System.Globalization;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>What a recruiter types to record a break in a worker's work.</summary>
public sealed record BreakInput(DateOnly? From, DateOnly? To, BreakReason? Reason, string? Note);

/// <summary>Recording and removing the breaks the AWR clock reads (recruiters and admins).</summary>
public sealed class WorkerBreakCommands(IRepository<Worker> workers, IUnitOfWork unitOfWork, ICurrentUser user, TimeProvider clock)
{
    public static class Fields
    {
        public const string From = nameof(BreakInput.From);
        public const string To = nameof(BreakInput.To);
        public const string Reason = nameof(BreakInput.Reason);
        public const string Note = nameof(BreakInput.Note);
    }

    /// <summary>The longest break one record may cover; a longer absence is recorded as more than one.</summary>
    public const int MostDays = 731;

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public async Task<CommandResult> RecordAsync(int workerId, int version, BreakInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.May(Permissions.ManageWorkers)) return CommandResult.Forbidden("Only recruiters record breaks in work.");
        var worker = await workers.FirstOrDefaultAsync(new WorkerWithBreaksForUpdateSpec(workerId), cancellationToken);
        if (worker is null) return CommandResult.NotFound();

        var today = clock.Today();
        var errors = new FieldErrors();
        if (input.From is not { } from) errors.Add(Fields.From, "Enter the first day of the break");
        else if (from < today.AddYears(-10)) errors.Add(Fields.From, "The first day must be within the last 10 years");
        if (input.To is not { } to) errors.Add(Fields.To, "Enter the last day of the break");
        else if (input.From is { } start && to < start) errors.Add(Fields.To, "The last day must be on or after the first day");
        else if (input.From is { } begins && to.DayNumber - begins.DayNumber + 1 > MostDays) errors.Add(Fields.To, "A break can be at most 2 years long: record a longer absence as more than one");
        else if (to > today.AddYears(1)) errors.Add(Fields.To, $"The last day must be within a year, by {today.AddYears(1).ToString("d MMMM yyyy", Uk)}");
        if (input.Reason is null) errors.Add(Fields.Reason, "Choose why the worker was not working");
        errors.Text(Fields.Note, input.Note, Limits.Reason, "The note");
        if (errors.Any) return errors.ToResult();

        workers.ExpectVersion(worker, version);
        try
        {
            worker.RecordBreak(input.From!.Value, input.To!.Value, input.Reason!.Value, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), user.Name, clock.GetUtcNow());
        }
        catch (DomainRuleException overlap)
        {
            return CommandResult.Invalid(Fields.From, overlap.Message);
        }
        return await SaveAsync(worker, cancellationToken);
    }

    public async Task<CommandResult> RemoveAsync(int workerId, int version, int breakId, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageWorkers)) return CommandResult.Forbidden("Only recruiters record breaks in work.");
        var worker = await workers.FirstOrDefaultAsync(new WorkerWithBreaksForUpdateSpec(workerId), cancellationToken);
        if (worker is null) return CommandResult.NotFound();
        if (worker.Breaks.All(b => b.Id != breakId)) return CommandResult.Conflict("That break has already been removed. The page shows the breaks as they are now.");
        workers.ExpectVersion(worker, version);
        worker.RemoveBreak(breakId);
        return await SaveAsync(worker, cancellationToken);
    }

    private async Task<CommandResult> SaveAsync(Worker worker, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(worker.Id);
    }
}

/// <summary>A worker with their breaks, for changing them.</summary>
public sealed class WorkerWithBreaksForUpdateSpec : Specification<Worker>
{
    public WorkerWithBreaksForUpdateSpec(int id) => Query.Where(w => w.Id == id).Include(w => w.Breaks);
}

/// <summary>A worker's recorded breaks, for the page that records them.</summary>
public sealed record WorkerBreaksView(int WorkerId, int Version, string Worker, IReadOnlyList<Placements.Details.BreakView> Breaks, bool CanChange);

public sealed class WorkerBreakQueries(IReadRepository<Worker> workers, ICurrentUser user)
{
    public async Task<WorkerBreaksView?> GetAsync(int workerId, CancellationToken cancellationToken)
    {
        var worker = await workers.FirstOrDefaultAsync(new WorkersWithBreaksSpec([workerId]), cancellationToken);
        return worker is null ? null : new WorkerBreaksView(worker.Id, worker.Version, worker.FullName,
            worker.Breaks.OrderByDescending(b => b.From).Select(b => new Placements.Details.BreakView(b.Id, b.From, b.To, b.Reason, b.Note, b.RecordedBy)).ToList(),
            user.May(Permissions.ManageWorkers));
    }
}
