using System.Text.RegularExpressions;
using Connect2Luton.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence;

internal sealed partial class UnitOfWork(AppDbContext db) : IUnitOfWork
{
    public async Task<SaveResult> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            // A clash on an owned value (a worker's DBS check) is a clash on its owner (the worker).
            var what = conflict.Entries
                .Select(e => Words((e.Metadata.FindOwnership()?.PrincipalEntityType ?? e.Metadata).ClrType.Name))
                .FirstOrDefault() ?? "record";
            return SaveResult.Conflicted(
                $"Someone else saved a change to this {what} while you were working on it. Nothing you entered has been saved: " +
                "check the latest details and make your change again.");
        }
    }

    private static string Words(string typeName) => SplitWords().Replace(typeName, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex SplitWords();
}
