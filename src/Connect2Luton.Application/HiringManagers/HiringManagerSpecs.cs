using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.HiringManagers;

namespace Connect2Luton.Application.HiringManagers;

public sealed record HiringManagerSummary(int Id, string Name, string Email, int ServiceAreaId);

/// <summary>The active hiring managers, optionally of one service area, by name.</summary>
public sealed class HiringManagersSpec : Specification<HiringManager, HiringManagerSummary>
{
    public HiringManagersSpec(int? serviceAreaId = null, string? email = null)
    {
        Query.Where(m => m.IsActive);
        if (serviceAreaId is { } area) Query.Where(m => m.ServiceAreaId == area);
        if (email is not null) Query.Where(m => m.Email == email);
        Query.OrderBy(m => m.Name);
        Query.Select(m => new HiringManagerSummary(m.Id, m.Name, m.Email, m.ServiceAreaId));
    }
}

/// <summary>The hiring-manager record with an email address (stored in lower case), for update.</summary>
public sealed class HiringManagerByEmailSpec : Specification<HiringManager>
{
    // Records keep addresses in lower case; an account may keep the capitals it was typed with (a first admin from configuration).
    public HiringManagerByEmailSpec(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var lower = email.Trim().ToLowerInvariant();
        Query.Where(m => m.Email == lower);
    }
}
