using System.Linq.Expressions;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Testing.Database;

/// <summary>
/// One unit of work on a test's real database, to arrange records and read them back, in the domain's types only:
/// tests of the application layer use it and so never name the infrastructure's own (the database context).
/// </summary>
public sealed class TestData : IAsyncDisposable
{
    private readonly AppDbContext _db;

    private TestData(AppDbContext db) => _db = db;

    public static TestData Open(SqliteTestDatabase database, ICurrentUser? user = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new TestData(database.CreateContext(user, clock));
    }

    /// <summary>Records to insert at the next save (an aggregate with its parts).</summary>
    public void Add(params object[] records) => _db.AddRange(records);

    /// <summary>Records read here and changed since, to write at the next save as they stand now.</summary>
    public void Update(params object[] records) => _db.UpdateRange(records);

    public async Task SaveAsync() => await _db.SaveChangesAsync();

    /// <summary>The one record that matches, read fresh from the database, with the named parts loaded (e.g. "Shortlist").</summary>
    public async Task<T> SingleAsync<T>(Expression<Func<T, bool>> where, params string[] including) where T : class
    {
        IQueryable<T> query = _db.Set<T>().AsNoTracking();
        foreach (var part in including) query = query.Include(part);
        return await query.SingleAsync(where);
    }

    /// <summary>Every record that matches, read fresh from the database, in the order they were written.</summary>
    public async Task<List<T>> ListAsync<T>(Expression<Func<T, bool>> where) where T : class =>
        await _db.Set<T>().AsNoTracking().Where(where).ToListAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
