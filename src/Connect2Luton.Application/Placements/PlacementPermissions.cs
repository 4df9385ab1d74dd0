using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Application.Placements;

/// <summary>Recruiters book, extend and end placements (and admins can); hiring managers read their own service's.</summary>
public static class PlacementPermissions
{
    public static bool CanChange(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Recruiter) || user.IsInRole(Roles.Admin);
    }
}
