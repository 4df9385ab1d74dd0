using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Domain.Auditing;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.ServiceAreas;

/// <summary>
/// Services and job roles as an admin keeps them, on a real database: saved against the version read, refused at the
/// field when a name is taken in any case, on the audit trail; deactivated, never offered for a new requisition while
/// those raised before keep showing and revising them.
/// </summary>
public sealed class ServiceAreaAdministrationTests : IAsyncLifetime
{
    private static readonly TestUser Admin = new("grace@luton.gov.uk", [Roles.Admin]);

    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var data = TestData.Open(_database);
        _reference = await ReferenceData.SaveAsync(data, A.ServiceArea("HOU", childrens: false), A.Role());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_admin_adds_corrects_and_deactivates_a_service_each_save_audited_and_a_stale_save_overwriting_nothing()
    {
        (await RunAsync(TestUser.Recruiter, a => a.CreateAsync(new("PLN", "Planning", "Place", false, null), default))).Status.ShouldBe(CommandStatus.Forbidden);
        var bad = await RunAsync(Admin, a => a.CreateAsync(new(" ", "", "Place", false, -1m), default));
        bad.Errors.Keys.ShouldBe([ServiceAreaAdministration.Fields.Code, ServiceAreaAdministration.Fields.Name, ServiceAreaAdministration.Fields.EstablishmentFte], ignoreOrder: true);
        (await RunAsync(Admin, a => a.CreateAsync(new("P L N", "Planning", "Place", false, 2.125m), default))).Errors.Keys
            .ShouldBe([ServiceAreaAdministration.Fields.Code, ServiceAreaAdministration.Fields.EstablishmentFte], ignoreOrder: true);

        var created = await RunAsync(Admin, a => a.CreateAsync(new("pln", " Planning and Building Control ", "Place", false, 23.5m), default));
        created.Status.ShouldBe(CommandStatus.Done);
        var id = created.Id;
        var taken = await RunAsync(Admin, a => a.CreateAsync(new("PLN", "planning AND building control", "Place", false, null), default));
        taken.Errors[ServiceAreaAdministration.Fields.Code].ShouldBe("Planning and Building Control already has the code PLN: enter another");
        taken.Errors[ServiceAreaAdministration.Fields.Name].ShouldBe("There is already a service called Planning and Building Control: enter another name");
        // Names that would read as one already kept, or as nothing: spaces of any kind are one space, and hidden characters are refused.
        (await RunAsync(Admin, a => a.CreateAsync(new("PLN2", "Planning\tand\u00a0Building\n Control", "Place", false, null), default))).Errors[ServiceAreaAdministration.Fields.Name]
            .ShouldBe("There is already a service called Planning and Building Control: enter another name");
        (await RunAsync(Admin, a => a.CreateAsync(new("PLN2", "Planning\u200b and Building Control", "Place", false, null), default))).Errors[ServiceAreaAdministration.Fields.Name]
            .ShouldBe("The name must not contain hidden characters");
        (await RunAsync(Admin, a => a.CreateAsync(new("PLN2", "\u2800\u3164", "Place", false, null), default))).Errors[ServiceAreaAdministration.Fields.Name]
            .ShouldBe("The name must not contain hidden characters");
        (await RunAsync(Admin, a => a.CreateAsync(new("PLN2", "- - -", "Place", false, null), default))).Errors[ServiceAreaAdministration.Fields.Name]
            .ShouldBe("The name must have letters or numbers in it");


        (await RunAsync(Admin, a => a.ChangeAsync(id, 0, new("PLN", "Planning", "Place", false, 25m), default))).Status.ShouldBe(CommandStatus.Done);
        var stale = await RunAsync(Admin, a => a.ChangeAsync(id, 0, new("PLN", "Planning Services", "Place", true, 30m), default));
        stale.Status.ShouldBe(CommandStatus.Conflict, "saved against the version read before the last change");
        (await RunAsync(Admin, a => a.SetActiveAsync(id, 0, active: false, default))).Status.ShouldBe(CommandStatus.Conflict);
        (await RunAsync(Admin, a => a.SetActiveAsync(id, 1, active: false, default))).Status.ShouldBe(CommandStatus.Done);
        (await RunAsync(Admin, a => a.SetActiveAsync(id, 2, active: false, default))).Message.ShouldBe("Planning is deactivated already.");

        await using var data = TestData.Open(_database);
        var saved = await data.SingleAsync<ServiceArea>(a => a.Id == id);
        (saved.Code, saved.Name, saved.IsChildrensServices, saved.EstablishmentFte, saved.IsActive, saved.Version).ShouldBe(("PLN", "Planning", false, (decimal?)25m, false, 2));
        var audit = await data.ListAsync<AuditEntry>(e => e.EntityType == nameof(ServiceArea) && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        audit.Select(e => e.Action).ShouldBe([AuditAction.Added, AuditAction.Changed, AuditAction.Changed]);
        audit.ShouldAllBe(e => e.UserName == Admin.Name);
        audit[1].ChangesJson.ShouldContain("\"Name\":{\"from\":\"Planning and Building Control\",\"to\":\"Planning\"}");
        audit[2].ChangesJson.ShouldContain("\"IsActive\":{\"from\":true,\"to\":false}");
        audit[0].ChangesJson.ShouldNotContain("\"Id\"", Case.Sensitive, "the id before the save was a placeholder; the entry's own id is the real one");
    }

    [Fact]
    public async Task A_deactivated_service_and_role_are_refused_for_a_new_requisition_while_one_raised_before_still_shows_and_revises_with_them()
    {
        var old = (await RequisitionsAsync(TestUser.Recruiter, c => c.RaiseAsync(Input(_reference), default))).Id;
        ReferenceData other;
        await using (var data = TestData.Open(_database))
            other = await ReferenceData.SaveAsync(data, A.ServiceArea("ASC", childrens: false), A.Role());

        await using (var services = TestServices.For(_database, user: Admin))
        {
            // Read once, so the names are in the cache a save must clear.
            await using (var before = services.CreateAsyncScope())
                (await before.ServiceProvider.GetRequiredService<ReferenceNames>().ServiceAreasAsync(default)).Single(a => a.Id == _reference.Area.Id).IsActive.ShouldBeTrue();
            await using (var scope = services.CreateAsyncScope())
            {
                (await scope.ServiceProvider.GetRequiredService<ServiceAreaAdministration>().SetActiveAsync(_reference.Area.Id, 0, active: false, default)).Status.ShouldBe(CommandStatus.Done);
                (await scope.ServiceProvider.GetRequiredService<JobRoleAdministration>().SetActiveAsync(_reference.Role.Id, 0, active: false, default)).Status.ShouldBe(CommandStatus.Done);
            }
            await using var after = services.CreateAsyncScope();
            var reference = after.ServiceProvider.GetRequiredService<ReferenceNames>();
            (await reference.ServiceAreasAsync(default)).Single(a => a.Id == _reference.Area.Id).IsActive.ShouldBeFalse("the save cleared the cached names");
            (await reference.JobRolesAsync(default)).Single(r => r.Id == _reference.Role.Id).IsActive.ShouldBeFalse();
        }

        var refused = await RequisitionsAsync(TestUser.Recruiter, c => c.RaiseAsync(Input(_reference), default));
        refused.Errors[nameof(RequisitionInput.ServiceAreaId)].ShouldBe($"{_reference.Area.Name} is no longer taking requisitions: select another service area");
        var roleRefused = await RequisitionsAsync(TestUser.Recruiter, c => c.RaiseAsync(Input(other) with { JobRoleId = _reference.Role.Id }, default));
        roleRefused.Errors[nameof(RequisitionInput.JobRoleId)].ShouldBe($"{_reference.Role.Title} is no longer recruited for: select another job role");

        await using (var services = TestServices.For(_database, user: TestUser.Recruiter))
        await using (var scope = services.CreateAsyncScope())
        {
            var view = (await scope.ServiceProvider.GetRequiredService<RequisitionQueries>().DetailsAsync(old, default)).ShouldNotBeNull();
            (view.ServiceArea, view.JobRole, view.HiringManager).ShouldBe((_reference.Area.Name, _reference.Role.Title, _reference.Manager.Name));
        }
        (await RequisitionsAsync(TestUser.Recruiter, c => c.ReviseAsync(old, 0, Input(_reference) with { Title = "Revised" }, default))).Status
            .ShouldBe(CommandStatus.Done, "a requisition keeps the service and role it was raised for");
        await using var read = TestData.Open(_database);
        (await read.SingleAsync<Requisition>(r => r.Id == old)).Title.ShouldBe("Revised");
    }

    private static RequisitionInput Input(ReferenceData where) => new(where.Area.Id, where.Role.Id, where.Manager.Id, "Housing officer",
        RequisitionReason.VacancyCover, null, 37m, Clocks.Today.AddDays(7), Clocks.Today.AddDays(100), 20m, 1, false);

    private async Task<CommandResult> RunAsync(TestUser user, Func<ServiceAreaAdministration, Task<CommandResult>> act)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<ServiceAreaAdministration>());
    }

    private async Task<CommandResult> RequisitionsAsync(TestUser user, Func<RequisitionCommands, Task<CommandResult>> act)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<RequisitionCommands>());
    }
}
