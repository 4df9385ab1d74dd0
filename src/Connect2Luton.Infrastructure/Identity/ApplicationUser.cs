using Microsoft.AspNetCore.Identity;

namespace Connect2Luton.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>For a hiring manager: the one service area they raise and approve requisitions for.</summary>
    public int? ServiceAreaId { get; set; }

    /// <summary>For agency staff: the one supply agency they act for, whose released requisitions and candidates they see.</summary>
    public int? SupplyAgencyId { get; set; }

    /// <summary>For a worker: the worker record they keep, whose timesheets they enter and whose details they update.</summary>
    public int? WorkerId { get; set; }

    /// <summary>When an admin deactivated the account: it cannot sign in, and everything it did stays.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}
