using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Application.Placements;

public enum PlacementShow
{
    /// <summary>Started and not ended: the workers in post today.</summary>
    InPost,

    /// <summary>Booked to start after today.</summary>
    Booked,

    /// <summary>Booked over a cap, waiting for the posts the rules name to sign it off.</summary>
    AwaitingSignOff,

    /// <summary>Ended, converted to permanent or called off.</summary>
    Closed,
    All,
}

/// <summary>What the placements list is narrowed to. A hiring manager's own service applies on top of this.</summary>
public sealed record PlacementFilter(PlacementShow Show = PlacementShow.InPost, int? ServiceAreaId = null, JobFamily? Family = null, bool CapExceptionsOnly = false, int? HiringOrganisationId = null);
