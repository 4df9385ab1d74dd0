using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// Makes sure the four roles exist; in Development adds one demo user per role; anywhere, creates the first
/// admin from configuration when there is none, so a new production install can be signed into. Nodes of one install
/// (or two starts of one) may do this on a new database at the same moment: whatever another start made first is
/// taken as made, rather than stopping this one.
/// </summary>
internal sealed partial class IdentitySeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    AppDbContext db,
    IOptions<IdentitySeedOptions> options,
    IOptions<SignInSettings> signInOptions,
    ILogger<IdentitySeeder> logger)
{
    public const string DemoPassword = "Connect2Luton-demo!";

    /// <summary>Staff of two local supporting agencies, so the portal and a duplicate put forward by a second agency can be tried.</summary>
    public static readonly (string Email, string Name, string Agency)[] DemoAgencyStaff =
    [
        ("agency@connect2luton.local", "Kofi Mensah", "Wardown Social Work Recruitment"),
        ("agency2@connect2luton.local", "Hannah Price", "Chiltern Care Staffing"),
    ];

    /// <summary>One per role, and the senior officers who hold the posts that sign off exceptions (no role: they sign, and see their dashboard).</summary>
    public static readonly (string Email, string DisplayName, string? Role)[] DemoUsers =
    [
        ("recruiter@connect2luton.local", "Amira Hussain", Roles.Recruiter),
        (DemoDataSeeder.DemoManagerEmail, "Demo hiring manager", Roles.HiringManager),
        ("policy@connect2luton.local", "Tom Fletcher", Roles.PolicyOfficer),
        ("admin@connect2luton.local", "Grace Adeyemi", Roles.Admin),
        .. DemoSignOffs.Holders.Where(h => h.Email != DemoDataSeeder.DemoManagerEmail).Select(h => (h.Email, h.Name, (string?)null)),
        .. DemoAgencyStaff.Select(s => (s.Email, s.Name, (string?)Roles.AgencyStaff)),
        (DemoWorkerEmail, "Demo worker", Roles.Worker),
    ];

    /// <summary>A worker placed in the demo hiring manager's service for some weeks, signed in to enter their own hours.</summary>
    public const string DemoWorkerEmail = "worker@connect2luton.local";


    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await MakeAsync($"role {role}", () => roles.CreateAsync(new IdentityRole(role)), () => roles.RoleExistsAsync(role));
        }
    }

    public async Task SeedDemoUsersAsync(CancellationToken cancellationToken)
    {
        foreach (var (email, displayName, role) in DemoUsers)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            // The demo manager acts for the service area the demo data made them a hiring manager in.
            var manager = await db.HiringManagers.AsNoTracking().FirstOrDefaultAsync(m => m.Email == email, cancellationToken);
            var agencyName = DemoAgencyStaff.FirstOrDefault(s => s.Email == email).Agency;
            var agency = agencyName is null ? null : await db.SupplyAgencies.AsNoTracking().FirstOrDefaultAsync(a => a.Name == agencyName, cancellationToken);
            var worker = email == DemoWorkerEmail ? await DemoWorkerAsync(cancellationToken) : null;
            if (email == DemoWorkerEmail && worker is null) continue;
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = manager?.Name ?? worker?.Name ?? displayName,
                ServiceAreaId = manager?.ServiceAreaId,
                SupplyAgencyId = agency?.Id,
                WorkerId = worker?.Id,
            };
            await MakeAsync(email, () => users.CreateAsync(user, DemoPassword), () => ExistsAsync(email));
            if (role is not null) await EnsureInRoleAsync(email, role);
        }
        LogDemoUsers(logger, DemoUsers.Length);
    }

    /// <summary>The worker of the demo manager's service's longest-running live placement (by id among equals), so they have weeks to enter.</summary>
    private async Task<(int Id, string Name)?> DemoWorkerAsync(CancellationToken cancellationToken)
    {
        var area = await db.HiringManagers.AsNoTracking().Where(m => m.Email == DemoDataSeeder.DemoManagerEmail).Select(m => (int?)m.ServiceAreaId).FirstOrDefaultAsync(cancellationToken);
        var placement = await db.Placements.AsNoTracking()
            .Where(p => p.ServiceAreaId == area && p.Status == Domain.Placements.PlacementStatus.Active)
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id).Select(p => (int?)p.WorkerId).FirstOrDefaultAsync(cancellationToken);
        if (placement is not { } workerId) return null;
        var name = await db.Workers.AsNoTracking().Where(w => w.Id == workerId).Select(w => w.FirstName + " " + w.LastName).SingleAsync(cancellationToken);
        return (workerId, name);
    }

    public async Task EnsureBootstrapAdminAsync()
    {
        var bootstrap = options.Value.BootstrapAdmin;
        if (bootstrap is null || string.IsNullOrWhiteSpace(bootstrap.Email)) return;
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        // Where only the council's provider signs people in, the first admin needs no password: they sign in there.
        var local = signInOptions.Value.LocalAccounts;
        if (local && string.IsNullOrWhiteSpace(bootstrap.Password))
            throw new InvalidOperationException("Identity:BootstrapAdmin:Password must be set to create the first admin.");

        var user = new ApplicationUser { UserName = bootstrap.Email, Email = bootstrap.Email, EmailConfirmed = true, DisplayName = bootstrap.DisplayName, LockoutEnabled = true };
        await MakeAsync(bootstrap.Email, () => local ? users.CreateAsync(user, bootstrap.Password!) : users.CreateAsync(user), () => ExistsAsync(bootstrap.Email));
        await EnsureInRoleAsync(bootstrap.Email, Roles.Admin);
        LogBootstrapAdmin(logger, bootstrap.Email);
    }

    // The account found by its email, as whichever start made it (another's has another id).
    private async Task EnsureInRoleAsync(string email, string role)
    {
        var user = (await users.FindByEmailAsync(email))!;
        if (await users.IsInRoleAsync(user, role)) return;
        await MakeAsync($"{email} in {role}", () => users.AddToRoleAsync(user, role), async () => await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, role));
    }

    private async Task<bool> ExistsAsync(string email) => await users.FindByEmailAsync(email) is not null;

    /// <summary>
    /// Makes something, unless another start made it meanwhile: Identity's own check says the name is taken, or the
    /// database's unique index does. What this start failed to save is forgotten, or its next save would try again.
    /// </summary>
    private async Task MakeAsync(string what, Func<Task<IdentityResult>> make, Func<Task<bool>> madeElsewhere)
    {
        IdentityResult result;
        try
        {
            result = await make();
        }
        catch (DbUpdateException error)
        {
            db.ChangeTracker.Clear();
            if (await madeElsewhere()) return;
            throw new InvalidOperationException($"Could not create {what}: {error.InnerException?.Message ?? error.Message}", error);
        }
        if (result.Succeeded) return;
        db.ChangeTracker.Clear();
        if (await madeElsewhere()) return;
        Check(result, what);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo users ready: {Count}, one per role and the holders of the sign-off posts")]
    private static partial void LogDemoUsers(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin, {Email}, from configuration: sign in and change the password at /Account/Password")]
    private static partial void LogBootstrapAdmin(ILogger logger, string email);
}

/// <summary>The "Identity" section of configuration.</summary>
public sealed class IdentitySeedOptions
{
    public const string Section = "Identity";

    public BootstrapAdminOptions? BootstrapAdmin { get; set; }
}

public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Administrator";
}
