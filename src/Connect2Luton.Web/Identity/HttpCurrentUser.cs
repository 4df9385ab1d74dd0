using System.Globalization;
using System.Security.Claims;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Identity;

namespace Connect2Luton.Web.Identity;

/// <summary>The signed-in user of the current request; the system when there is no request (start-up, jobs).</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string Name => User?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : SystemUser.UserName;

    public bool IsInRole(string role) => User?.IsInRole(role) ?? false;

    public int? ServiceAreaId => Number(AppClaimTypes.ServiceArea);

    public int? SupplyAgencyId => Number(AppClaimTypes.SupplyAgency);

    public int? WorkerId => Number(AppClaimTypes.Worker);

    private int? Number(string claim) =>
        int.TryParse(User?.FindFirstValue(claim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
