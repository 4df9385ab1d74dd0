using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.SupplyAgencies;

/// <summary>Supply agencies as an admin keeps them: a margin said as a percentage, names unique in any case, and a deactivated agency supplying no new worker while those it supplied stay with it.</summary>
public sealed class SupplyAgencyAdministrationTests : IAsyncLifetime
{
    private static readonly TestUser Admin = new("grace@luton.gov.uk", [Roles.Admin]);

    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_deactivated_agency_supplies_no_new_worker_but_the_workers_it_supplied_keep_it()
    {
        var bad = await RunAsync(Admin, a => a.CreateAsync(new("Bedford Care Staff", null, 100m, true, null), default));
        bad.Errors.Keys.ShouldBe([SupplyAgencyAdministration.Fields.Kind, SupplyAgencyAdministration.Fields.MarginPercent], ignoreOrder: true);
        (await RunAsync(Admin, a => a.CreateAsync(new("Bedford Care Staff", SupplyAgencyKind.LocalSupportingAgency, 8.125m, true, null), default)))
            .Errors[SupplyAgencyAdministration.Fields.MarginPercent].ShouldBe("Enter the margin to 2 decimal places at most, like 8.25%");
        var created = await RunAsync(Admin, a => a.CreateAsync(new("Bedford Care Staff", SupplyAgencyKind.LocalSupportingAgency, 8.25m, true, " DPS-0042 "), default));
        created.Status.ShouldBe(CommandStatus.Done);
        (await RunAsync(Admin, a => a.CreateAsync(new("BEDFORD care staff", SupplyAgencyKind.ExternalAgency, 12m, false, null), default)))
            .Errors[SupplyAgencyAdministration.Fields.Name].ShouldBe("There is already an agency called Bedford Care Staff: enter another name");

        int workerId;
        await using (var data = TestData.Open(_database))
        {
            var worker = A.Worker().SuppliedBy(created.Id).Build();
            data.Add(worker);
            await data.SaveAsync();
            workerId = worker.Id;
        }
        (await RunAsync(Admin, a => a.SetActiveAsync(created.Id, 0, active: false, default))).Status.ShouldBe(CommandStatus.Done);

        var refused = await WorkersAsync(c => c.RegisterAsync(Worker(created.Id), default));
        refused.Errors[nameof(WorkerInput.SupplyAgencyId)].ShouldBe("Bedford Care Staff is no longer used: select who supplies the worker now");
        (await WorkersAsync(c => c.UpdateAsync(workerId, 0, Worker(created.Id), default))).Status.ShouldBe(CommandStatus.Done, "a worker stays with the agency that supplied them");

        await using var read = TestData.Open(_database);
        var agency = await read.SingleAsync<SupplyAgency>(a => a.Id == created.Id);
        (agency.MarginRate, agency.DpsReference, agency.IsActive).ShouldBe((0.0825m, "DPS-0042", false));
        (await read.SingleAsync<Worker>(w => w.Id == workerId)).SupplyAgencyId.ShouldBe(created.Id);
    }

    private static WorkerInput Worker(int agencyId) => new("Amina", "Begum", "amina.begum@example.com", null, "LU1 3JH", JobFamily.SocialCare, agencyId,
        null, true, null, null, null, null, null, null, null, false, null, RegistrationBody.None, null, null);

    private async Task<CommandResult> RunAsync(TestUser user, Func<SupplyAgencyAdministration, Task<CommandResult>> act)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<SupplyAgencyAdministration>());
    }

    private async Task<CommandResult> WorkersAsync(Func<WorkerCommands, Task<CommandResult>> act)
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<WorkerCommands>());
    }
}
