namespace Connect2Luton.Application.Common.Persistence;

public interface IUnitOfWork
{
    /// <summary>Writes every staged change in one transaction, or none and reports the conflict.</summary>
    Task<SaveResult> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction, for the one use case that must save in steps: a file brought
    /// in books placements against requisitions made in the same import, whose keys exist only once they are written.
    /// What the work saved is kept when <paramref name="keep"/> says so of its outcome (a conflict or a check that
    /// fails is not kept), and nothing of it is kept when it throws.
    /// </summary>
    Task<T> InOneTransactionAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> keep, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lets go of everything read or staged so far, saved or not: for a use case that works through many records in
    /// groups, so each group's save looks over that group alone and a group refused leaves nothing behind for the next.
    /// </summary>
    void Forget();
}

/// <summary>A save either lands or reports that someone else changed the same record first.</summary>
public sealed record SaveResult
{
    private SaveResult(string? conflict) => Conflict = conflict;

    public static SaveResult Saved { get; } = new((string?)null);

    public static SaveResult Conflicted(string message) => new(message);

    /// <summary>What changed underneath the user, in words they can act on; null when the save landed.</summary>
    public string? Conflict { get; }

    public bool IsConflict => Conflict is not null;
}
