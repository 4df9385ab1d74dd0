using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SignOffs;

namespace Connect2Luton.Application.SignOffs;

public sealed class AllPositionsSpec : Specification<SignOffPosition>
{
    public AllPositionsSpec(bool forUpdate = false)
    {
        Query.OrderBy(p => p.Name);
        if (!forUpdate) Query.AsNoTracking();
    }
}

/// <summary>The posts a user holds or deputises for.</summary>
public sealed class PositionsHeldBySpec : Specification<SignOffPosition, string>
{
    public PositionsHeldBySpec(string userName)
    {
        Query.Where(p => p.HolderUserName == userName || p.DeputyUserName == userName).AsNoTracking();
        Query.Select(p => p.Name);
    }
}

/// <summary>A sign-off awaited from one of some posts, oldest request first.</summary>
public sealed record AwaitedSignOff(int Id, int PlacementId, SignOffSubject Subject, string Position, string RequestedBy, DateTimeOffset RequestedAt, DateOnly? ExtendTo,
    int? CapExceptionId = null, int? ExtensionId = null)
{
    /// <summary>The request it is part of: one cap exception, or one extension, of one placement.</summary>
    public (int, SignOffSubject, int?, int?) Request => (PlacementId, Subject, CapExceptionId, ExtensionId);
}

/// <summary>What waits for some posts, but not what <c>userName</c> asked for themselves.</summary>
public sealed class AwaitingSignOffsSpec : Specification<SignOff, AwaitedSignOff>
{
    public AwaitingSignOffsSpec(IReadOnlyCollection<string> positions, string userName, int take)
    {
        Query.Where(s => s.State == SignOffState.Awaiting && positions.Contains(s.Position) && s.RequestedBy != userName)
            .OrderBy(s => s.RequestedAt).ThenBy(s => s.Id).Take(take).AsNoTracking();
        Query.Select(s => new AwaitedSignOff(s.Id, s.PlacementId, s.Subject, s.Position, s.RequestedBy, s.RequestedAt, s.Extension == null ? null : s.Extension.NewEndDate,
            s.CapExceptionId, s.ExtensionId));
    }
}

/// <summary>What a user has signed on some placements: a request they have signed for one post they cannot sign for another.</summary>
public sealed class GivenOnPlacementsSpec : Specification<SignOff, AwaitedSignOff>
{
    public GivenOnPlacementsSpec(string userName, IReadOnlyCollection<int> placementIds)
    {
        Query.Where(s => s.DecidedBy == userName && s.State == SignOffState.Given && placementIds.Contains(s.PlacementId)).AsNoTracking();
        Query.Select(s => new AwaitedSignOff(s.Id, s.PlacementId, s.Subject, s.Position, s.RequestedBy, s.RequestedAt, null, s.CapExceptionId, s.ExtensionId));
    }
}

/// <summary>What a user signed or declined lately, newest first.</summary>
public sealed class DecidedBySpec : Specification<SignOff, AwaitedSignOff>
{
    public DecidedBySpec(string userName, int take)
    {
        Query.Where(s => s.DecidedBy == userName && (s.State == SignOffState.Given || s.State == SignOffState.Declined))
            .OrderByDescending(s => s.DecidedAt).Take(take).AsNoTracking();
        Query.Select(s => new AwaitedSignOff(s.Id, s.PlacementId, s.Subject, s.Position, s.RequestedBy, s.RequestedAt, s.Extension == null ? null : s.Extension.NewEndDate));
    }
}

public sealed class SignOffByIdSpec : Specification<SignOff, int>
{
    public SignOffByIdSpec(int id)
    {
        Query.Where(s => s.Id == id).AsNoTracking();
        Query.Select(s => s.PlacementId);
    }
}

/// <summary>The placements behind a queue of sign-offs, in a line each.</summary>
public sealed record SignOffPlacementRow(int Id, int WorkerId, int ServiceAreaId, int JobRoleId, decimal PayRate, decimal ChargeRate, DateOnly StartDate, DateOnly PlannedEndDate);

public sealed class SignOffPlacementsSpec : Specification<Placement, SignOffPlacementRow>
{
    public SignOffPlacementsSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(p => ids.Contains(p.Id)).AsNoTracking();
        Query.Select(p => new SignOffPlacementRow(p.Id, p.WorkerId, p.ServiceAreaId, p.JobRoleId, p.Rates.PayRate, p.Rates.ChargeRate, p.StartDate, p.PlannedEndDate));
    }
}
