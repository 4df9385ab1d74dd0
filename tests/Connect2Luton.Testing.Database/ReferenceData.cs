using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Infrastructure.Persistence;

namespace Connect2Luton.Testing.Database;

/// <summary>The minimum a requisition or placement needs to exist in a real database: one of each.</summary>
public sealed record ReferenceData(ServiceArea Area, JobRole Role, SupplyAgency Agency, HiringManager Manager)
{
    public static async Task<ReferenceData> SaveAsync(AppDbContext db, ServiceArea? area = null, JobRole? role = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        area ??= A.ServiceArea();
        role ??= A.SocialWorkerRole();
        var agency = A.InHousePool();
        db.AddRange(area, role, agency);
        await db.SaveChangesAsync();
        var manager = A.Manager(area.Id);
        db.Add(manager);
        await db.SaveChangesAsync();
        return new ReferenceData(area, role, agency, manager);
    }
}
