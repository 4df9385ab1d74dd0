using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Requisitions;

public sealed class RequisitionCommandsTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _reference = await ReferenceData.SaveAsync(db);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private TestUser Manager => new(_reference.Manager.Email, [Roles.HiringManager], _reference.Area.Id);

    private TestUser OtherManager => new("deputy.head@luton.gov.example", [Roles.HiringManager], _reference.Area.Id);

    private RequisitionInput Input() => new(_reference.Area.Id, _reference.Role.Id, null, "Social Worker", RequisitionReason.VacancyCover, null,
        37m, Clocks.Today.AddDays(7), Clocks.Today.AddDays(100), 36.50m, 1, false);

    [Fact]
    public async Task Each_step_saves_against_the_version_the_user_saw()
    {
        var id = (await RunAsync(Manager, c => c.RaiseAsync(Input(), default))).Id;

        (await RunAsync(Manager, c => c.SubmitAsync(id, 0, default))).Status.ShouldBe(CommandStatus.Done);
        var afterSubmit = await VersionAsync(id);
        (await RunAsync(OtherManager, c => c.ApproveAsync(id, afterSubmit, default))).Status.ShouldBe(CommandStatus.Done);

        await using var db = TestData.Open(_database);
        (await db.SingleAsync<Requisition>(r => r.Id == id)).Status.ShouldBe(RequisitionStatus.Approved);
    }

    [Fact]
    public async Task A_hiring_manager_who_rewrote_and_submitted_a_recruiters_draft_cannot_approve_it()
    {
        var id = (await RunAsync(TestUser.Recruiter, c => c.RaiseAsync(Input() with { HiringManagerId = _reference.Manager.Id }, default))).Id;
        (await RunAsync(Manager, c => c.ReviseAsync(id, 0, Input() with { Title = "Rewritten by the manager", Positions = 2 }, default))).Status.ShouldBe(CommandStatus.Done);
        var revised = await VersionAsync(id);
        (await RunAsync(Manager, c => c.SubmitAsync(id, revised, default))).Status.ShouldBe(CommandStatus.Done);

        var submitted = await VersionAsync(id);

        var refused = await RunAsync(Manager, c => c.ApproveAsync(id, submitted, default));
        var approved = await RunAsync(OtherManager, c => c.ApproveAsync(id, submitted, default));

        refused.Status.ShouldBe(CommandStatus.Forbidden);
        approved.Status.ShouldBe(CommandStatus.Done);
    }

    [Fact]
    public async Task The_hiring_manager_who_raised_a_requisition_cannot_approve_it_unless_the_council_turns_that_off()
    {
        var id = (await RunAsync(Manager, c => c.RaiseAsync(Input(), default))).Id;
        (await RunAsync(Manager, c => c.SubmitAsync(id, 0, default))).Status.ShouldBe(CommandStatus.Done);
        var version = await VersionAsync(id);

        var refused = await RunAsync(Manager, c => c.ApproveAsync(id, version, default));
        var allowed = await RunAsync(Manager, c => c.ApproveAsync(id, version, default), o => o.ApproverMustNotBeRaiser = false);

        refused.Status.ShouldBe(CommandStatus.Forbidden);
        refused.Message.ShouldBe("You raised, changed or submitted this requisition, so someone else must approve it: another hiring manager of the service, or an admin.");
        allowed.Status.ShouldBe(CommandStatus.Done);
    }

    private async Task<int> VersionAsync(int id)
    {
        await using var db = TestData.Open(_database);
        return (await db.SingleAsync<Requisition>(r => r.Id == id)).Version;
    }

    private async Task<CommandResult> RunAsync(TestUser user, Func<RequisitionCommands, Task<CommandResult>> command, Action<RequisitionOptions>? options = null)
    {
        await using var services = TestServices.For(_database, user: user, configure: s => s.Configure(options ?? (_ => { })));
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<RequisitionCommands>());
    }
}
