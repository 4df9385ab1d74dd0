using Connect2Luton.Application.Placements;

namespace Connect2Luton.Application.Policies;

public static class LengthBandsIfServing
{
    /// <summary>
    /// The length rules' points, or null while the rules are not serving: the figures that count by them (the
    /// dashboard, the live groups) still open, counting nobody past a point.
    /// </summary>
    public static async Task<LengthBands?> LengthBandsIfServingAsync(this IPlacementLengthPolicy lengths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        try
        {
            return await lengths.LengthBandsAsync(cancellationToken);
        }
        catch (PolicyUnavailableException)
        {
            return null;
        }
    }
}
