using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Identity;

/// <summary>Nodes of one install, or a service manager starting the app twice, making the accounts on a new database at the same moment.</summary>
public sealed class IdentitySeederTests
{
    private const string FirstAdmin = "it.admin@luton.gov.example";

    [Fact]
    public async Task Nodes_starting_together_in_production_make_the_roles_and_one_first_admin_and_none_stops()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        await StartTogetherAsync(database, async seeder =>
        {
            await seeder.EnsureRolesAsync();
            await seeder.EnsureBootstrapAdminAsync();
        });

        await using var db = database.CreateContext();
        (await db.Roles.Select(r => r.Name).ToListAsync()).ShouldBe(Roles.All, ignoreOrder: true);
        (await db.Users.Select(u => u.Email).ToListAsync()).ShouldBe([FirstAdmin]);
        (await MembershipsAsync(db)).ShouldBe([(FirstAdmin, Roles.Admin)]);
    }

    [Fact]
    public async Task Demo_starts_together_make_each_demo_account_once_in_its_role_and_none_stops()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        await StartTogetherAsync(database, async seeder =>
        {
            await seeder.EnsureRolesAsync();
            await seeder.SeedDemoUsersAsync(CancellationToken.None);
        });

        // With no demo data there is no placed worker for the demo worker's account to be linked to: it waits for a start with some.
        var expected = IdentitySeeder.DemoUsers.Where(u => u.Email != IdentitySeeder.DemoWorkerEmail).ToList();
        await using var db = database.CreateContext();
        (await db.Users.Select(u => u.Email).ToListAsync()).ShouldBe(expected.Select(u => u.Email), ignoreOrder: true);
        (await MembershipsAsync(db)).ShouldBe(expected.Where(u => u.Role is not null).Select(u => (u.Email, u.Role!)), ignoreOrder: true);
    }

    // Four starts, each with its own connections, let go at once: the accounts' passwords take long enough to hash
    // that every start finds nothing made yet and tries to make it.
    private static async Task StartTogetherAsync(SqliteTestDatabase database, Func<IdentitySeeder, Task> start)
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => TestServices.For(database, configure: services => services.Configure<IdentitySeedOptions>(o =>
            o.BootstrapAdmin = new BootstrapAdminOptions { Email = FirstAdmin, Password = "A-long-first-password-2026" }))).ToList();
        try
        {
            using var together = new Barrier(nodes.Count);
            await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
            {
                await using var scope = node.CreateAsyncScope();
                var seeder = scope.ServiceProvider.GetRequiredService<IdentitySeeder>();
                together.SignalAndWait(TimeSpan.FromSeconds(30));
                await start(seeder);
            })));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static async Task<List<(string Email, string Role)>> MembershipsAsync(AppDbContext db) =>
        (await (from link in db.Set<IdentityUserRole<string>>()
                join user in db.Users on link.UserId equals user.Id
                join role in db.Roles on link.RoleId equals role.Id
                select new { user.Email, role.Name }).ToListAsync()).Select(m => (m.Email!, m.Name!)).ToList();
}
