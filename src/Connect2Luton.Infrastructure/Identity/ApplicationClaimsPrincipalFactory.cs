using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>Puts the user's display name and, for a hiring manager, their service area into the sign-in cookie.</summary>
internal sealed class ApplicationClaimsPrincipalFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(AppClaimTypes.TwoFactor, "on"));
        if (user.ServiceAreaId is { } area)
            identity.AddClaim(new Claim(AppClaimTypes.ServiceArea, area.ToString(CultureInfo.InvariantCulture)));
        if (user.SupplyAgencyId is { } agency)
            identity.AddClaim(new Claim(AppClaimTypes.SupplyAgency, agency.ToString(CultureInfo.InvariantCulture)));
        if (user.WorkerId is { } worker)
            identity.AddClaim(new Claim(AppClaimTypes.Worker, worker.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
