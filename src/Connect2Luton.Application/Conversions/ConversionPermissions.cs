using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Domain.Conversions;

namespace Connect2Luton.Application.Conversions;

/// <summary>Recruiters and admins act on every prompt; a hiring manager on their own service's; policy officers on none.</summary>
public sealed class ConversionPermissions(DataScope scope)
{
    public bool SeesAll => scope.SeesEveryService;

    public bool CanSee(ConversionPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return scope.Sees(prompt.ServiceAreaId);
    }

    /// <summary>Everyone who may see a prompt may act on it: the hiring manager makes the offer, the recruiter arranges it.</summary>
    public bool CanAct(ConversionPrompt prompt) => CanSee(prompt);

    /// <summary>The service areas a list is limited to; null for all.</summary>
    public IReadOnlyCollection<int>? Scope => scope.ServiceAreas;
}
