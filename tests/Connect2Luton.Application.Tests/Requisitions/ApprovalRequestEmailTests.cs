using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Email;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect2Luton.Application.Tests.Requisitions;

public sealed class ApprovalRequestEmailTests : IAsyncLifetime
{
    private const string Deputy = "deputy.head@luton.gov.example";
    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;
    private readonly RecordingOutbox _outbox = new();

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _reference = await ReferenceData.SaveAsync(db);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private TestUser Manager => new(_reference.Manager.Email, [Roles.HiringManager], _reference.Area.Id);

    [Fact]
    public async Task Only_the_hiring_managers_who_did_not_shape_a_requisition_are_asked_to_approve_it()
    {
        var input = new RequisitionInput(_reference.Area.Id, _reference.Role.Id, _reference.Manager.Id, "Social Worker", RequisitionReason.VacancyCover, null,
            37m, Clocks.Today.AddDays(7), Clocks.Today.AddDays(100), 36.50m, 1, false);
        var id = (await RunAsync(TestUser.Recruiter, c => c.RaiseAsync(input, default))).Id;
        (await RunAsync(Manager, c => c.ReviseAsync(id, 0, input with { Title = "Social Worker, rewritten by the manager" }, default))).Status.ShouldBe(CommandStatus.Done);

        (await RunAsync(TestUser.Recruiter, c => c.SubmitAsync(id, 1, default))).Status.ShouldBe(CommandStatus.Done);

        var queued = _outbox.Queued.ShouldHaveSingleItem();
        queued.To.ShouldBe([Deputy], "the manager changed it and the recruiter submitted it: someone else approves");
        queued.Subject.ShouldBe("Requisition waiting for your approval: Social Worker, rewritten by the manager");
        queued.Body.ShouldContain($"https://app.example/Requisitions/{id}");
    }

    private async Task<CommandResult> RunAsync(TestUser user, Func<RequisitionCommands, Task<CommandResult>> command)
    {
        var recipients = new FixedRecipients([new(_reference.Manager.Email, _reference.Manager.Email), new(Deputy, Deputy), new(TestUser.Recruiter.Name, TestUser.Recruiter.Name)]);
        await using var services = TestServices.For(_database, user: user, configure: s =>
        {
            s.Replace(ServiceDescriptor.Scoped<IOutbox>(_ => _outbox));
            s.Replace(ServiceDescriptor.Scoped<IEmailRecipients>(_ => recipients));
        });
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<RequisitionCommands>());
    }

    private sealed class RecordingOutbox : IOutbox
    {
        public List<EmailMessage> Queued { get; } = [];

        public bool Sends => true;

        public string LinkTo(string path) => "https://app.example" + path;

        public void Queue(EmailMessage message) => Queued.Add(message);

        public Task GatherAsync(EmailDigest digest, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ReleaseAsync(string digestKey, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<OutboxFigures> FiguresAsync(CancellationToken cancellationToken) => Task.FromResult(OutboxFigures.NotSending);
    }

    // Every account acting for the service that may approve, as the directory would answer; the recruiter is among
    // them only to show that whoever submitted is never asked.
    private sealed class FixedRecipients(IReadOnlyList<EmailRecipient> approvers) : IEmailRecipients
    {
        public Task<IReadOnlyList<EmailRecipient>> HoldingAsync(string permission, CancellationToken cancellationToken) => Task.FromResult(approvers);

        public Task<IReadOnlyList<EmailRecipient>> ActingForServiceAsync(int serviceAreaId, string permission, CancellationToken cancellationToken) => Task.FromResult(approvers);

        public Task<IReadOnlyDictionary<int, IReadOnlyList<EmailRecipient>>> OfAgenciesAsync(IReadOnlyCollection<int> supplyAgencyIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<int, IReadOnlyList<EmailRecipient>>>(new Dictionary<int, IReadOnlyList<EmailRecipient>>());
    }
}
