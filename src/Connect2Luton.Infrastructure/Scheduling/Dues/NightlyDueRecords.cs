namespace Connect2Luton.Infrastructure.Scheduling.Dues;

/// <summary>The day a placement is next due a nightly check, and when the facts it was decided on were read.</summary>
public sealed class NightlyDue
{
    public required string Check { get; init; }
    public required int PlacementId { get; init; }
    public required DateOnly DueOn { get; init; }

    /// <summary>Milliseconds since 1970 (UTC): a save to the worker at or after it may not have been seen by the decision.</summary>
    public required long ReadFrom { get; init; }
}

/// <summary>A save that can change what a nightly check decides about a worker's placements.</summary>
public sealed class NightlyChange
{
    public long Id { get; init; }
    public required int WorkerId { get; init; }

    /// <summary>Milliseconds since 1970 (UTC), as the save began.</summary>
    public required long At { get; init; }
}

/// <summary>What a check's due days were worked out under: its rules' version, the job roles, the way of looking ahead.</summary>
public sealed class NightlyBasis
{
    public required string Check { get; init; }
    public required string Basis { get; set; }
}
