using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.Users;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.HiringManagers;

/// <summary>
/// Hiring managers as an admin keeps them: a record made here for a manager a recruiter names, and the records of
/// those who sign in as hiring managers, whose service and standing follow their account.
/// </summary>
public sealed class HiringManagerAdministrationTests : IAsyncLifetime
{
    private static readonly TestUser Admin = new("grace@luton.gov.uk", [Roles.Admin]);

    private SqliteTestDatabase _database = null!;
    private ReferenceData _housing = null!;
    private int _adults;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await UserAccounts.AddRolesAsync(_database);
        await using var data = TestData.Open(_database);
        _housing = await ReferenceData.SaveAsync(data, A.ServiceArea("HOU", childrens: false), A.Role());
        var adults = A.ServiceArea("ASC", childrens: false);
        data.Add(adults);
        await data.SaveAsync();
        _adults = adults.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_deactivated_manager_is_named_on_requisitions_raised_before_but_on_no_new_one()
    {
        var bad = await RunAsync(a => a.CreateAsync(new("Sam Patel", "sam", "", "not a phone", 999), default));
        bad.Errors.Keys.ShouldBe([HiringManagerAdministration.Fields.Email, HiringManagerAdministration.Fields.JobTitle, HiringManagerAdministration.Fields.Phone, HiringManagerAdministration.Fields.ServiceArea], ignoreOrder: true);
        var sam = await RunAsync(a => a.CreateAsync(new("Sam Patel", " Sam.Patel@Luton.gov.uk ", "Head of Housing", "01582 546000", _adults), default));
        sam.Status.ShouldBe(CommandStatus.Done);
        (await RunAsync(a => a.CreateAsync(new("Another Sam", "sam.patel@luton.gov.uk", "Officer", null, _adults), default))).Errors[HiringManagerAdministration.Fields.Email]
            .ShouldBe("Sam Patel already has a hiring-manager record with this email address");
        (await RunAsync(a => a.ChangeAsync(sam.Id, 0, new("Sam Patel", null, "Head of Housing Needs", null, _housing.Area.Id), default))).Status.ShouldBe(CommandStatus.Done, "no account: the service is changed here");
        var old = await RequisitionsAsync(c => c.RaiseAsync(Input(sam.Id), default));
        old.Status.ShouldBe(CommandStatus.Done);

        (await RunAsync(a => a.SetActiveAsync(sam.Id, 1, active: false, default))).Status.ShouldBe(CommandStatus.Done);

        (await RequisitionsAsync(c => c.RaiseAsync(Input(sam.Id), default))).Errors[nameof(RequisitionInput.HiringManagerId)].ShouldBe("Select a hiring manager of the service area");
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<RequisitionQueries>().DetailsAsync(old.Id, default))!.HiringManager.ShouldBe("Sam Patel (no longer a hiring manager)");
        await using var data = TestData.Open(_database);
        var record = await data.SingleAsync<HiringManager>(m => m.Id == sam.Id);
        (record.Email, record.JobTitle, record.Phone, record.ServiceAreaId, record.IsActive).ShouldBe(("sam.patel@luton.gov.uk", "Head of Housing Needs", (string?)null, _housing.Area.Id, false));

        await using (var admin = TestServices.For(_database, user: Admin))
        await using (var accounts = admin.CreateAsyncScope())
            (await accounts.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(new("sam.patel@luton.gov.uk", "Sam Patel", [Roles.HiringManager], _adults), default))
                .Result.Status.ShouldBe(CommandStatus.Done);
        var now = await data.SingleAsync<HiringManager>(m => m.Id == sam.Id);
        (now.ServiceAreaId, now.IsActive).ShouldBe((_adults, true), "given an account as a hiring manager, their record follows it");
    }

    [Fact]
    public async Task Someone_who_signs_in_as_a_hiring_manager_has_their_service_and_standing_changed_on_their_account_and_the_rest_on_their_record()
    {
        await using (var services = TestServices.For(_database, user: Admin))
        await using (var scope = services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(new("tanya.moss@luton.gov.uk", "Tanya Moss", [Roles.HiringManager], _housing.Area.Id), default))
                .Result.Status.ShouldBe(CommandStatus.Done);
        var tanya = (await ListAsync()).Single(m => m.Manager.Email == "tanya.moss@luton.gov.uk");
        tanya.FollowsAccount.ShouldBeTrue();

        (await RunAsync(a => a.ChangeAsync(tanya.Manager.Id, 0, new("Tanya Moss", null, "Head of Housing", null, _adults), default))).Errors[HiringManagerAdministration.Fields.ServiceArea]
            .ShouldBe("They sign in as a hiring manager: change their service on their account (Users), and this record moves with it");
        (await RunAsync(a => a.SetActiveAsync(tanya.Manager.Id, 0, active: false, default))).Message
            .ShouldStartWith("Tanya Moss signs in as a hiring manager, and their record is active while their account is: deactivate their account (Users)");
        (await RunAsync(a => a.CreateAsync(new("Tanya Moss", "TANYA.MOSS@luton.gov.uk", "Head", null, _housing.Area.Id), default))).Errors.Keys
            .ShouldBe([HiringManagerAdministration.Fields.Email]);
        (await RunAsync(a => a.ChangeAsync(tanya.Manager.Id, 0, new("Tanya Moss-Reid", null, "Head of Housing", "07700 900982", _housing.Area.Id), default))).Status.ShouldBe(CommandStatus.Done);

        var now = (await ListAsync()).Single(m => m.Manager.Id == tanya.Manager.Id);
        (now.Manager.Name, now.Manager.JobTitle, now.Manager.Phone, now.ServiceArea, now.Manager.IsActive).ShouldBe(("Tanya Moss-Reid", "Head of Housing", (string?)"07700 900982", _housing.Area.Name, true));
    }

    private RequisitionInput Input(int managerId) => new(_housing.Area.Id, _housing.Role.Id, managerId, "Housing officer", RequisitionReason.VacancyCover, null,
        37m, Clocks.Today.AddDays(7), Clocks.Today.AddDays(100), 20m, 1, false);

    private async Task<IReadOnlyList<HiringManagerListing>> ListAsync()
    {
        await using var services = TestServices.For(_database, user: Admin);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HiringManagerAdministration>().ListAsync(default);
    }

    private async Task<CommandResult> RunAsync(Func<HiringManagerAdministration, Task<CommandResult>> act)
    {
        await using var services = TestServices.For(_database, user: Admin);
        await using var scope = services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<HiringManagerAdministration>());
    }

    private async Task<CommandResult> RequisitionsAsync(Func<RequisitionCommands, Task<CommandResult>> act)
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<RequisitionCommands>());
    }
}
