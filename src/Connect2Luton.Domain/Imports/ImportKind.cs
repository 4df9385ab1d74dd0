namespace Connect2Luton.Domain.Imports;

/// <summary>What a file brought in holds: the pool of workers, or the placements already live when the council started.</summary>
public enum ImportKind
{
    Workers,
    Placements,
}
