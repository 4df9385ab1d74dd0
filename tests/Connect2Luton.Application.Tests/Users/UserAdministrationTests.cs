using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Users;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Users;

/// <summary>
/// Accounts through ASP.NET Core Identity's own store on a real database: who admins may create and how, and the
/// rules that keep a council from locking itself out (the last active admin stays, nobody demotes themselves).
/// </summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private static readonly TestUser Admin = new("grace@luton.gov.uk", [Roles.Admin]);

    private SqliteTestDatabase _database = null!;
    private int _housing;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await UserAccounts.AddRolesAsync(_database);
        await using var data = TestData.Open(_database);
        _housing = (await ReferenceData.SaveAsync(data, A.ServiceArea("HOU", childrens: false))).Area.Id;
        // The admin acting in these tests has an account too, as they would.
        (await CreateAsync(Admin, new UserAccountInput(Admin.Name, "Grace Adeyemi", [Roles.Admin], null))).Result.Status.ShouldBe(CommandStatus.Done);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_admin_creates_accounts_with_roles_and_a_hiring_manager_gets_their_service_and_a_record_in_it()
    {
        (await CreateAsync(TestUser.Recruiter, new("x@luton.gov.uk", "X", [Roles.Recruiter], null))).Result.Status.ShouldBe(CommandStatus.Forbidden);
        var bad = (await CreateAsync(Admin, new("not an email", " ", ["Wizard"], null))).Result;
        bad.Errors.Keys.ShouldBe([UserAdministration.Fields.Email, UserAdministration.Fields.Name, UserAdministration.Fields.Roles], ignoreOrder: true);
        (await CreateAsync(Admin, new("sam@luton.gov.uk", "Sam Patel", [Roles.HiringManager], null))).Result.Errors[UserAdministration.Fields.ServiceArea]
            .ShouldBe("Choose the service a hiring manager acts for");

        var (created, id) = await CreateAsync(Admin, new(" Sam@Luton.gov.uk ", "Sam Patel", [Roles.HiringManager, Roles.Recruiter], _housing));
        created.Status.ShouldBe(CommandStatus.Done);
        (await CreateAsync(Admin, new("sam@luton.gov.uk", "Another Sam", [], null))).Result.Errors[UserAdministration.Fields.Email]
            .ShouldBe("There is already an account with this email address");

        foreach (var malformed in new[] { "trail.@luton.gov.uk", "x@localhost.", "x@-luton.gov.uk", "x@luton", $"x@{new string('a', 70)}.gov.uk" })
            (await CreateAsync(Admin, new(malformed, "X", [], null))).Result.Errors.Keys.ShouldContain(UserAdministration.Fields.Email, malformed);
        var account = (await AccountsAsync()).Single(a => a.Id == id);
        (account.Email, account.ServiceAreaId, account.IsActive, account.LastSignInAt).ShouldBe(("sam@luton.gov.uk", (int?)_housing, true, (DateTimeOffset?)null));
        account.Roles.ShouldBe([Roles.HiringManager, Roles.Recruiter]);
        await using var data = TestData.Open(_database);
        (await data.SingleAsync<HiringManager>(m => m.Email == "sam@luton.gov.uk")).ServiceAreaId.ShouldBe(_housing, "a hiring manager has a record in the service they act for");

        int adults;
        await using (var more = TestData.Open(_database))
            adults = (await ReferenceData.SaveAsync(more, A.ServiceArea("ASC", childrens: false))).Area.Id;
        (await UpdateAsync(Admin, account, new(null, "Sam Patel", [Roles.HiringManager], adults))).Status.ShouldBe(CommandStatus.Done);
        (await data.SingleAsync<HiringManager>(m => m.Email == "sam@luton.gov.uk")).ServiceAreaId.ShouldBe(adults, "the record moves with the account's service");
        account = (await AccountsAsync()).Single(a => a.Id == id);
        (await SetActiveAsync(Admin, account, active: false)).Status.ShouldBe(CommandStatus.Done);
        (await data.SingleAsync<HiringManager>(m => m.Email == "sam@luton.gov.uk")).IsActive.ShouldBeFalse("a deactivated hiring manager is not offered on requisitions");
    }

    [Fact]
    public async Task Two_admins_taking_each_others_admin_role_at_the_same_moment_leave_one_admin()
    {
        var tomUser = new TestUser("tom@luton.gov.uk", [Roles.Admin]);
        await CreateAsync(Admin, new(tomUser.Name, "Tom Reid", [Roles.Admin], null));
        var accounts = await AccountsAsync();
        var grace = accounts.Single(a => a.Email == Admin.Name);
        var tom = accounts.Single(a => a.Email == tomUser.Name);

        var results = await Task.WhenAll(
            UpdateAsync(Admin, tom, new(null, tom.Name, [Roles.Recruiter], null)),
            UpdateAsync(tomUser, grace, new(null, grace.Name, [Roles.Recruiter], null)));

        results.Count(r => r.Succeeded).ShouldBe(1);
        (await AccountsAsync()).Count(a => a.IsActive && a.Roles.Contains(Roles.Admin)).ShouldBe(1);
    }

    [Fact]
    public async Task The_last_active_admin_is_neither_demoted_nor_deactivated_and_nobody_demotes_or_deactivates_themselves()
    {
        var me = (await AccountsAsync()).Single(a => a.Email == Admin.Name);
        (await UpdateAsync(Admin, me, new(null, "Grace Adeyemi", [Roles.Recruiter], null))).Errors[UserAdministration.Fields.Roles]
            .ShouldBe("You cannot take away your own Admin role: ask another admin");
        (await SetActiveAsync(Admin, me, active: false)).Message.ShouldBe("You cannot deactivate your own account: ask another admin.");

        var other = new TestUser("tom@luton.gov.uk", [Roles.Admin]);
        var (_, otherId) = await CreateAsync(Admin, new(other.Name, "Tom Reid", [Roles.Admin], null));
        var tom = (await AccountsAsync()).Single(a => a.Id == otherId);
        (await SetActiveAsync(Admin, tom, active: false)).Status.ShouldBe(CommandStatus.Done, "two admins: one may go");
        me = (await AccountsAsync()).Single(a => a.Email == Admin.Name);
        (await SetActiveAsync(other, me, active: false)).Message.ShouldStartWith("This is the last active admin");
        (await UpdateAsync(other, me, new(null, "Grace Adeyemi", [], null))).Errors[UserAdministration.Fields.Roles]
            .ShouldBe("This is the last active admin: make someone else an admin first");

        tom = (await AccountsAsync()).Single(a => a.Id == otherId);
        tom.IsActive.ShouldBeFalse();
        (await SetActiveAsync(Admin, tom with { Stamp = "an older stamp" }, active: true)).Status.ShouldBe(CommandStatus.Conflict, "changed since the admin read it");
        (await SetActiveAsync(Admin, tom, active: true)).Status.ShouldBe(CommandStatus.Done);
        (await AccountsAsync()).Single(a => a.Id == otherId).IsActive.ShouldBeTrue();
    }

    private async Task<(CommandResult Result, string? Id)> CreateAsync(TestUser user, UserAccountInput input)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(input, CancellationToken.None);
    }

    private async Task<CommandResult> UpdateAsync(TestUser user, UserAccount account, UserAccountInput input)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdministration>().UpdateAsync(account.Id, account.Stamp, input, CancellationToken.None);
    }

    private async Task<CommandResult> SetActiveAsync(TestUser user, UserAccount account, bool active)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetActiveAsync(account.Id, account.Stamp, active, CancellationToken.None);
    }

    private async Task<IReadOnlyList<UserAccount>> AccountsAsync()
    {
        await using var services = TestServices.For(_database, user: Admin);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserAccounts>().ListAsync(CancellationToken.None);
    }
}
