using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Common;

namespace Connect2Luton.Infrastructure.Persistence.Specifications;

internal sealed class EfRepository<T>(AppDbContext db) : EfReadRepository<T>(db), IRepository<T> where T : AggregateRoot
{
    public async Task<T?> GetByIdAsync(int id, CancellationToken cancellationToken = default) =>
        await Db.Set<T>().FindAsync([id], cancellationToken);

    public void Add(T aggregate) => Db.Set<T>().Add(aggregate);

    public void Remove(T aggregate) => Db.Set<T>().Remove(aggregate);

    public void ExpectVersion(T aggregate, int version) =>
        Db.Entry(aggregate).Property(a => a.Version).OriginalValue = version;

    // Marked changed, the version is raised by the save (AggregateVersions) and checked in its UPDATE.
    public void Claim(T aggregate) => Db.Entry(aggregate).Property(a => a.Version).IsModified = true;
}
