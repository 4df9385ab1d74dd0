using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Infrastructure.Persistence;

namespace Connect2Luton.Testing.Database;

/// <summary>The minimum a requisition or placement needs to exist in a real database: one of each.</summary>
public sealed record ReferenceData(ServiceArea Area, JobRole Role, SupplyAgency Agency, HiringManager Manager)
{
    public static Task<ReferenceData> SaveAsync(AppDbContext db, ServiceArea? area = null, JobRole? role = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        return SaveAsync(db.AddRange, () => db.SaveChangesAsync(), area, role);
    }

    public static Task<ReferenceData> SaveAsync(TestData data, ServiceArea? area = null, JobRole? role = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SaveAsync(data.Add, data.SaveAsync, area, role);
    }

    private static async Task<ReferenceData> SaveAsync(Action<object[]> add, Func<Task> save, ServiceArea? area, JobRole? role)
    {
        area ??= A.ServiceArea();
        role ??= A.SocialWorkerRole();
        var agency = A.InHousePool();
        add([area, role, agency]);
        await save();
        var manager = A.Manager(area.Id);
        add([manager]);
        await save();
        return new ReferenceData(area, role, agency, manager);
    }
}
