using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Testing.Database;

/// <summary>
/// Changes saved through the app's own repository and unit of work, in a scope of the given services, so the change
/// counters and caches move as they do when a recruiter saves; what a test only sets up is written by TestData.
/// </summary>
public static class AppSaves
{
    public static async Task SaveAsync<T>(IServiceProvider services, Func<IRepository<T>, Task> change) where T : AggregateRoot
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(change);
        await using var scope = services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<IRepository<T>>());
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
    }

    /// <summary>The requisition and worker written as set-up, then the worker booked on it from the first day to the last through the app.</summary>
    public static async Task<Placement> BookAsync(IServiceProvider services, SqliteTestDatabase database, Requisition requisition, Worker worker, DateOnly start, DateOnly end)
    {
        await using (var db = TestData.Open(database))
        {
            db.Add(requisition, worker);
            await db.SaveAsync();
        }
        var placement = Placement.Book(requisition, worker, new PlacementBooking(A.Rates(), 37m, start, end), null, [], "r", Clocks.Now);
        await SaveAsync<Placement>(services, placements =>
        {
            placements.Add(placement);
            return Task.CompletedTask;
        });
        return placement;
    }
}
