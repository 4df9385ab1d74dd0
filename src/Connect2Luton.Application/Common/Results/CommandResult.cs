namespace Connect2Luton.Application.Common.Results;

/// <summary>
/// What a use case did with a command: done (with the id it concerned), or refused for reasons a user can act on:
/// field errors, a conflict with someone else's change, not allowed for this user, or no such record. Refusals
/// are values, not exceptions, and a refused command has changed nothing.
/// </summary>
public sealed record CommandResult
{
    private CommandResult(CommandStatus status, int id, IReadOnlyDictionary<string, string> errors, string? message)
    {
        Status = status;
        Id = id;
        Errors = errors;
        Message = message;
    }

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public CommandStatus Status { get; }

    /// <summary>The record the command created or changed.</summary>
    public int Id { get; }

    /// <summary>Field name (as on the command) to the message shown beside it.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>For a conflict or a refusal not tied to one field: what to tell the user.</summary>
    public string? Message { get; }

    public bool Succeeded => Status == CommandStatus.Done;

    public static CommandResult Done(int id) => new(CommandStatus.Done, id, NoErrors, null);

    public static CommandResult Invalid(IReadOnlyDictionary<string, string> errors) => new(CommandStatus.Invalid, 0, errors, null);

    public static CommandResult Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    public static CommandResult Conflict(string message) => new(CommandStatus.Conflict, 0, NoErrors, message);

    public static CommandResult Forbidden(string message) => new(CommandStatus.Forbidden, 0, NoErrors, message);

    public static CommandResult NotFound() => new(CommandStatus.NotFound, 0, NoErrors, null);
}

public enum CommandStatus
{
    Done,
    Invalid,
    Conflict,
    Forbidden,
    NotFound,
}
