using Connect2Luton.Infrastructure.Identity;

namespace Connect2Luton.Testing.Database;

/// <summary>Accounts that can sign in, for tests of what reads the people who have one (the holders of sign-off posts).</summary>
public static class UserAccounts
{
    /// <summary>The four roles, as the app's start makes them.</summary>
    public static async Task AddRolesAsync(SqliteTestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        foreach (var role in Application.Common.Identity.Roles.All)
            db.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        await db.SaveChangesAsync();
    }

    public static async Task AddAsync(SqliteTestDatabase database, params (string UserName, string Name)[] users)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        foreach (var (userName, name) in users)
            db.Users.Add(new ApplicationUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = userName, DisplayName = name });
        await db.SaveChangesAsync();
    }
}
