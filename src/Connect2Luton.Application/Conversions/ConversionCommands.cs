using System.Globalization;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Conversions;

/// <summary>What someone did about a prompt.</summary>
public enum ConversionAction
{
    OfferMade,
    Declined,
    NotSuitable,
    Snooze,
    Converted,
}

/// <summary>
/// Acting on a conversion prompt. Converting ends the placement the day before the permanent post starts, records
/// the worker as converted and books the yearly saving, all in one save with the prompt.
/// </summary>
public sealed class ConversionCommands(
    IRepository<ConversionPrompt> prompts,
    IRepository<Placement> placements,
    IRepository<Worker> workers,
    ConversionPermissions permissions,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    TimeProvider clock)
{
    public static class Fields
    {
        public const string Note = "Note";
        public const string Date = "Date";
    }

    /// <summary>How far ahead a snooze or a permanent start may be set.</summary>
    public const int MostDaysAhead = 366;

    public async Task<CommandResult> RecordAsync(int id, int version, ConversionAction action, string? note, DateOnly? date, CancellationToken cancellationToken)
    {
        var prompt = await prompts.FirstOrDefaultAsync(new ConversionPromptByIdSpec(id, forUpdate: true), cancellationToken);
        if (prompt is null || !permissions.CanSee(prompt)) return CommandResult.NotFound();
        if (!permissions.CanAct(prompt)) return CommandResult.Forbidden("Only recruiters and the service's hiring manager act on conversion prompts.");
        if (!prompt.IsOpen) return CommandResult.Conflict($"This prompt is already closed ({Words(prompt.Status)}). The page shows it as it is now.");

        var today = clock.Today();
        var errors = new FieldErrors();
        errors.Text(Fields.Note, note, Limits.Reason, action == ConversionAction.NotSuitable ? "The reason" : "The note");
        if (action == ConversionAction.NotSuitable) errors.Required(Fields.Note, note, "Enter why the worker is not suitable for a permanent post");
        if (action is ConversionAction.Snooze or ConversionAction.Converted)
        {
            var what = action == ConversionAction.Snooze ? "the date to snooze until" : "the date the permanent post starts";
            if (date is not { } day) errors.Add(Fields.Date, $"Enter {what}");
            else if (action == ConversionAction.Snooze && day <= today) errors.Add(Fields.Date, "The date to snooze until must be after today");
            else if (day > today.AddDays(MostDaysAhead)) errors.Add(Fields.Date, $"The date must be within a year, by {today.AddDays(MostDaysAhead).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");
        }
        if (errors.Any) return errors.ToResult();

        prompts.ExpectVersion(prompt, version);
        var now = clock.GetUtcNow();
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        switch (action)
        {
            case ConversionAction.OfferMade:
                prompt.RecordOfferMade(trimmed, user.Name, now);
                break;
            case ConversionAction.Declined:
                prompt.RecordDeclined(trimmed, user.Name, now);
                break;
            case ConversionAction.NotSuitable:
                prompt.RecordNotSuitable(trimmed!, user.Name, now);
                break;
            case ConversionAction.Snooze:
                prompt.Snooze(date!.Value, today, trimmed, user.Name, now);
                break;
            case ConversionAction.Converted:
                if (await ConvertAsync(prompt, date!.Value, now, cancellationToken) is { } refused) return refused;
                break;
            default:
                return CommandResult.Invalid(Fields.Note, "Choose what happened");
        }
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(prompt.Id);
    }

    private async Task<CommandResult?> ConvertAsync(ConversionPrompt prompt, DateOnly permanentStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var placement = await placements.GetByIdAsync(prompt.PlacementId, cancellationToken);
        var worker = await workers.GetByIdAsync(prompt.WorkerId, cancellationToken);
        if (placement is null || worker is null) return CommandResult.NotFound();
        if (placement.Status != PlacementStatus.Active)
            return CommandResult.Conflict($"The placement is {placement.Status.ToString().ToLowerInvariant()}, so it cannot be converted. The page shows it as it is now.");
        if (permanentStart <= placement.StartDate)
            return CommandResult.Invalid(Fields.Date, $"The permanent post must start after the placement started, {placement.StartDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");
        placement.ConvertToPermanent(permanentStart, user.Name, now);
        worker.RecordConversion(permanentStart);
        prompt.RecordConverted(permanentStart, user.Name, now);
        return null;
    }

    public static string Words(ConversionPromptStatus status) => status switch
    {
        ConversionPromptStatus.Open => "open",
        ConversionPromptStatus.OfferMade => "offer made",
        ConversionPromptStatus.Snoozed => "snoozed",
        ConversionPromptStatus.Declined => "the worker declined",
        ConversionPromptStatus.NotSuitable => "not suitable",
        ConversionPromptStatus.Converted => "converted",
        ConversionPromptStatus.Lapsed => "lapsed: the placement ended",
        _ => status.ToString(),
    };
}
