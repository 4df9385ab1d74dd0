using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Imports;
using Connect2Luton.Application.Reports;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.SignOffs;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Imports;

/// <summary>
/// Live placements brought in go through the booking's rules: each is booked against a requisition recorded as approved
/// for it, keeps its pay-rate and length decisions with the rule versions, waits for sign-off when its rate is over
/// a cap (unless the file records the sign-off, which is kept as given), and is a row problem where the rules refuse it.
/// </summary>
public sealed class PlacementImportTests : ImportFixture
{
    private static readonly TestUser Director = new("dcs@test.local", []);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(ImportKind.Workers, ImportFiles.WorkersFile(Workers(6)));
    }

    private Dictionary<string, string> Row(string reference, string worker, decimal pay = 32.50m) =>
        ImportFiles.Placement(reference, worker, "CSC", Where.Role.Title, Where.Manager.Email, pay, Today);

    // A placement over its cap whose sign-off the file records as given, on 1 September 2026, by these names.
    private Dictionary<string, string> OverCapSignedOffBy(string names)
    {
        var row = Row("P-1", "W-00001", pay: 40m);
        row["Cap reason"] = "Only worker with court experience for this caseload";
        row["Cap signed off by"] = names;
        row["Cap signed off on"] = "01/09/2026";
        return row;
    }

    [Fact]
    public async Task Live_placements_are_booked_through_the_rules_with_their_decisions_and_rule_versions_and_the_same_file_again_changes_nothing()
    {
        var file = ImportFiles.PlacementsFile([Row("P-1", "W-00001"), Row("P-2", "W-00002"), Row("P-3", "W-00003")]);

        var preview = await ImportAsync(ImportKind.Placements, file);
        (preview.Adding, preview.WithProblems, preview.WaitingForSignOff).ShouldBe((3, 0, 0));

        await using (var data = TestData.Open(Database))
        {
            var placement = await data.SingleAsync<Placement>(p => p.ExternalReference == "P-1", nameof(Placement.Decisions));
            placement.Status.ShouldBe(PlacementStatus.Active);
            placement.StartDate.ShouldBe(Today.AddMonths(-2), "it was running before it was brought in");
            placement.Rates.PayRate.ShouldBe(32.50m);
            placement.BookedBy.ShouldBe(Admin.Name);
            placement.Decisions.Select(d => d.RuleSet).ShouldBe([RuleSetNames.PayRateCaps, RuleSetNames.PlacementLengthLimits], ignoreOrder: true);
            placement.Decisions.ShouldAllBe(d => d.RuleSetVersion.Length == 64 && d.Outcome == "Allowed" && d.RequisitionId == placement.RequisitionId && d.WorkerId == placement.WorkerId);
            var requisition = await data.SingleAsync<Requisition>(r => r.Id == placement.RequisitionId, nameof(Requisition.Events));
            (requisition.Status, requisition.ServiceAreaId, requisition.JobRoleId, requisition.HiringManagerId).ShouldBe((RequisitionStatus.Filled, Where.Area.Id, Where.Role.Id, Where.Manager.Id));
            requisition.Events.OrderBy(e => e.Id).First().Note.ShouldBe("Brought in with a live placement from file.csv");
        }
        (await CountAsync(new RequisitionsInStatusSpec(RequisitionStatus.Filled))).ShouldBe(3, "a requisition for each");

        var again = await PreviewAsync((await UploadAsync(ImportKind.Placements, file)).Id);
        (again.Adding, again.Unchanged, again.ToImport).ShouldBe((0, 3, 0));
        again.Rows.ShouldAllBe(r => r.Notes.Single() == "Already brought in with these terms");
    }

    [Fact]
    public async Task A_rate_over_its_cap_without_a_sign_off_in_the_file_is_booked_waiting_for_the_posts_the_rules_name()
    {
        await UserAccounts.AddAsync(Database, (Director.Name, "Helen Okafor"));
        await using (var scope = Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<SignOffPositions>().AssignAsync("Director of Children's Services", SignOffPositions.NeverFilled, Director.Name, null, CancellationToken.None)).Succeeded.ShouldBeTrue();

        var preview = await ImportAsync(ImportKind.Placements, ImportFiles.PlacementsFile([Row("P-1", "W-00001", pay: 40m), Row("P-2", "W-00002")]));

        var waiting = preview.Rows.Single(r => r.WaitsForSignOff);
        waiting.Row.ShouldBe(2);
        waiting.Notes.ShouldContain("Over its cap: it will wait for sign-off by the Director of Children's Services and the Chief Executive (nobody holds the post of Chief Executive yet: an admin fills it at Sign-off posts)");
        (await PreviewAsync(preview.UploadId)).Done!.Outcome.ShouldBe("2 placements added, 1 waiting for sign-off");
        await using (var data = TestData.Open(Database))
        {
            var placement = await data.SingleAsync<Placement>(p => p.ExternalReference == "P-1", nameof(Placement.SignOffs), nameof(Placement.CapExceptions));
            placement.Status.ShouldBe(PlacementStatus.AwaitingSignOff);
            placement.SignOffs.Select(s => (s.Position, s.State)).ShouldBe([("Director of Children's Services", SignOffState.Awaiting), ("Chief Executive", SignOffState.Awaiting)]);
            placement.CapExceptions.Single().Reason.ShouldBe("Brought in from file.csv over its cap; the file gave no reason");
        }
        await using var services = TestServices.For(Database, user: Director);
        await using var director = services.CreateAsyncScope();
        (await director.ServiceProvider.GetRequiredService<SignOffQueries>().QueueAsync(CancellationToken.None)).AwaitingCount.ShouldBe(1, "it waits in the Director's list");
    }

    [Fact]
    public async Task A_sign_off_by_names_that_print_as_nothing_is_refused_at_its_cell()
    {
        // Hangul fillers count as letters, and show as blanks.
        var signed = OverCapSignedOffBy("\u3164; \u3164");

        var preview = await PreviewAsync((await UploadAsync(ImportKind.Placements, ImportFiles.PlacementsFile([signed]))).Id);

        preview.Problems.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Column.ShouldBe("Cap signed off by"),
            p => p.Message.ShouldBe("A name must not contain hidden characters"));
    }

    [Fact]
    public async Task A_sign_off_the_file_records_is_kept_as_given_by_name_and_day_on_the_placement_and_in_the_register()
    {
        var signed = OverCapSignedOffBy("Helen Okafor; Robin Porter");

        var preview = await ImportAsync(ImportKind.Placements, ImportFiles.PlacementsFile([signed]));

        preview.Rows.Single().Notes.ShouldContain("Over its cap: signed off on 1 September 2026 by Helen Okafor (Director of Children's Services) and Robin Porter (Chief Executive), recorded as given");
        preview.WaitingForSignOff.ShouldBe(0);
        await using (var data = TestData.Open(Database))
        {
            var placement = await data.SingleAsync<Placement>(p => p.ExternalReference == "P-1", nameof(Placement.SignOffs));
            placement.Status.ShouldBe(PlacementStatus.Active);
            placement.SignOffs.Select(s => (s.State, s.DecidedByName, s.DecidedBy)).ShouldBe([(SignOffState.Given, "Helen Okafor", null), (SignOffState.Given, "Robin Porter", null)]);
        }
        await using var scope = Services.CreateAsyncScope();
        var register = await scope.ServiceProvider.GetRequiredService<CapExceptionRegister>().ListAsync(Today.AddDays(-1), Today, null, CancellationToken.None);
        var entry = register.ShouldHaveSingleItem();
        (entry.Standing, entry.Reason, entry.RuleSetVersion?.Length).ShouldBe(("Signed off", "Only worker with court experience for this caseload", 64));
        entry.Approvers.ShouldBe("Director of Children's Services: Helen Okafor, 1 Sept 2026 00:00; Chief Executive: Robin Porter, 1 Sept 2026 00:00");
    }

    [Fact]
    public async Task What_the_rules_refuse_and_what_cannot_be_found_are_row_problems_and_the_rest_is_booked()
    {
        var rows = new List<Dictionary<string, string>>
        {
            Row("P-1", "W-00001", pay: 10m),
            ImportFiles.Placement("P-2", "W-00002", "CSC", Housing.Title, Where.Manager.Email, 30m, Today),
            Row("P-3", "W-00003"),
            Row("P-4", "W-77777"),
            Row("P-5", "W-00004"),
            Row("P-6", "W-00005", pay: 40m),
            Row("P-7", "W-00003"),
            Row("P-8", "W-00006"),
            Row("P-9", "W-00001"),
            Row("P-10", "W-00004"),
        };
        rows[8]["Weekly hours"] = "37.125";
        rows[9]["Pay rate"] = "32,50";
        rows[2]["Planned end date"] = ImportFiles.Iso(Today.AddDays(-1));
        rows[4]["Service area"] = "XYZ";
        rows[5]["Cap signed off by"] = "Helen Okafor";
        rows[5]["Cap signed off on"] = "2026-09-01";
        rows[6]["Start date"] = ImportFiles.Iso(Today.AddMonths(-1));

        var preview = await PreviewAsync((await UploadAsync(ImportKind.Placements, ImportFiles.PlacementsFile(rows))).Id);

        var problems = preview.Problems.ToDictionary(p => p.Row, p => (p.Column, p.Message));
        problems[2].Column.ShouldBe("Pay rate");
        problems[2].Message.ShouldContain("National Living Wage");
        problems[3].Column.ShouldBe("Pay rate");
        problems[3].Message.ShouldContain("£24.00", Case.Sensitive, "a role graded D is never paid over its grade's cap");
        problems[4].ShouldBe(("Planned end date", "The planned end date has passed, so this placement is not live: leave it out of the file"));
        problems[5].ShouldBe(("Worker reference", "No worker in the pool was brought in as W-77777: import the workers file first"));
        problems[6].ShouldBe(("Service area", $"No service area has the code \"XYZ\": enter one of CSC"));
        problems[7].ShouldBe(("Cap signed off by", "The rules ask for sign-off by the Director of Children's Services and the Chief Executive: enter 2 names, one for each post in that order, separated by semicolons"));
        problems.ContainsKey(8).ShouldBeFalse("the worker's other placement in this file had its dates refused, so holds nothing");
        problems[10].ShouldBe(("Weekly hours", "Enter the weekly hours to 2 decimal places at most, like 37.5"));
        problems[11].ShouldBe(("Pay rate", "Enter a number, like 32.50"), "a comma that is not between thousands is not read as £3,250");
        preview.Rows.Where(r => r.Outcome == RowOutcome.Add).Select(r => r.Row).ShouldBe([8, 9]);

        (await ConfirmAsync(preview.UploadId, preview.Version)).Result.Succeeded.ShouldBeTrue();
        (await CountAsync(new PlacementsBroughtInSpec())).ShouldBe(2);
        (await CountAsync(new RequisitionsInStatusSpec(RequisitionStatus.Filled))).ShouldBe(2, "no requisition for a row left out");
    }

    [Fact]
    public async Task A_service_no_longer_taking_requisitions_or_a_role_no_longer_recruited_for_gets_no_placement_brought_in()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<IRepository<Domain.JobRoles.JobRole>>().GetByIdAsync(Housing.Id))!.Deactivate();
            (await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync()).IsConflict.ShouldBeFalse();
        }

        var preview = await PreviewAsync((await UploadAsync(ImportKind.Placements, ImportFiles.PlacementsFile(
            [ImportFiles.Placement("P-1", "W-00001", "CSC", Housing.Title, Where.Manager.Email, 20m, Today)]))).Id);

        preview.Problems.ShouldHaveSingleItem().ShouldBe(new RowProblem(2, "Job role", $"{Housing.Title} is no longer recruited for: reactivate it to bring in its placements"));
    }

    [Fact]
    public async Task Two_rows_placing_one_worker_on_the_same_days_are_a_clash_on_the_second()
    {
        var preview = await PreviewAsync((await UploadAsync(ImportKind.Placements, ImportFiles.PlacementsFile([Row("P-1", "W-00001"), Row("P-2", "W-00001")]))).Id);

        preview.Rows[0].Outcome.ShouldBe(RowOutcome.Add);
        var clash = preview.Problems.ShouldHaveSingleItem();
        (clash.Row, clash.Column).ShouldBe((3, "Start date"));
        clash.Message.ShouldContain("is already booked from");
    }

    [Fact]
    public async Task A_recruiter_books_a_worker_brought_in_as_any_other_and_their_live_placement_brought_in_holds_them_meanwhile()
    {
        await ImportAsync(ImportKind.Placements, ImportFiles.PlacementsFile([Row("P-1", "W-00001")]));
        var pool = (await ListAsync(new WorkerKeysSpec())).ToDictionary(w => w.ExternalReference!, w => w.Id);
        var start = Today.AddDays(14);
        var requisition = A.Requisition().In(Where.Area.Id, Where.Role.Id, Where.Manager.Id).Starting(start).Open();
        await using (var data = TestData.Open(Database))
        {
            foreach (var worker in new[] { "W-00001", "W-00002" }) requisition.AddToShortlist(pool[worker], "Local", 40, null, TestUser.Recruiter.Name, Clocks.Now);
            data.Add(requisition);
            await data.SaveAsync();
        }

        async Task<CommandResult> BookAsync(string worker)
        {
            await using var services = TestServices.For(Database, user: TestUser.Recruiter);
            await using var scope = services.CreateAsyncScope();
            var booking = await scope.ServiceProvider.GetRequiredService<Application.Placements.Booking.BookingCases>().LoadAsync(requisition.Id, pool[worker], forUpdate: true, CancellationToken.None);
            var terms = new Application.Placements.Booking.PlacementProposalInput(requisition.Id, pool[worker], 32.50m, 37m, start, start.AddDays(90), null);
            return (await scope.ServiceProvider.GetRequiredService<Application.Placements.Booking.PlacementBookingCommands>().BookAsync(booking, terms, booking!.Requisition.Version, CancellationToken.None)).Result;
        }

        var held = await BookAsync("W-00001");
        held.Errors[Application.Placements.Booking.BookingFields.StartDate].ShouldContain("is already booked from 23 September 2026 to 23 February 2027");
        var booked = await BookAsync("W-00002");
        booked.Status.ShouldBe(CommandStatus.Done, string.Join("; ", booked.Errors.Values));
    }

    [Fact]
    public async Task A_placement_brought_in_before_with_other_terms_is_a_row_problem_not_a_second_booking()
    {
        await ImportAsync(ImportKind.Placements, ImportFiles.PlacementsFile([Row("P-1", "W-00001")]));
        var changed = Row("P-1", "W-00001", pay: 33m);
        changed["Weekly hours"] = "30";

        var preview = await PreviewAsync((await UploadAsync(ImportKind.Placements, ImportFiles.PlacementsFile([changed]))).Id);

        preview.Problems.ShouldHaveSingleItem().ShouldBe(new RowProblem(2, "External reference",
            "This placement was brought in before with another weekly hours and pay rate: change it on its page (extend it, change its rate or end it), not by importing it again"));
    }
}

/// <summary>A failure part-way through an import, after some of its rows are written: the transaction keeps none of them.</summary>
public sealed class ImportFailingPartWayTests : ImportFixture
{
    private readonly FailSwitch _fail = new();

    protected override void Configure(IServiceCollection services)
    {
        // The app's unit of work, wrapped: its implementation is found from its registration, never named.
        var original = services.Last(d => d.ServiceType == typeof(IUnitOfWork));
        services.Remove(original);
        services.Add(new ServiceDescriptor(original.ImplementationType!, original.ImplementationType!, original.Lifetime));
        services.AddScoped<IUnitOfWork>(s => new FailingSecondSave((IUnitOfWork)s.GetRequiredService(original.ImplementationType!), _fail));
    }

    [Fact]
    public async Task A_placements_import_that_fails_after_its_requisitions_and_placements_are_written_saves_none_of_them()
    {
        await ImportAsync(ImportKind.Workers, ImportFiles.WorkersFile(Workers(3)));
        var rows = new[] { "W-00001", "W-00002", "W-00003" }.Select((w, i) => ImportFiles.Placement($"P-{i}", w, "CSC", Where.Role.Title, Where.Manager.Email, 32.50m, Today));
        var upload = await UploadAsync(ImportKind.Placements, ImportFiles.PlacementsFile(rows));
        var preview = await PreviewAsync(upload.Id);
        preview.Adding.ShouldBe(3);

        _fail.Armed = true;
        await Should.ThrowAsync<IOException>(() => ConfirmAsync(upload.Id, preview.Version));
        _fail.Armed = false;

        (await CountAsync(new PlacementsBroughtInSpec())).ShouldBe(0);
        (await CountAsync(new RequisitionsInStatusSpec(RequisitionStatus.Open))).ShouldBe(0);
        (await CountAsync(new RequisitionsInStatusSpec(RequisitionStatus.Filled))).ShouldBe(0);
        (await PreviewAsync(upload.Id)).Done.ShouldBeNull("the upload is not marked imported either");

        (await ConfirmAsync(upload.Id, preview.Version)).Result.Succeeded.ShouldBeTrue("and it imports whole once the fault has passed");
        (await CountAsync(new PlacementsBroughtInSpec())).ShouldBe(3);
    }

    [Fact]
    public async Task A_workers_import_that_fails_as_it_is_marked_imported_saves_none_of_its_workers()
    {
        var upload = await UploadAsync(ImportKind.Workers, ImportFiles.WorkersFile(Workers(40)));
        var preview = await PreviewAsync(upload.Id);

        _fail.Armed = true;
        await Should.ThrowAsync<IOException>(() => ConfirmAsync(upload.Id, preview.Version));
        _fail.Armed = false;

        (await CountAsync(new WorkerKeysSpec())).ShouldBe(0);
    }

    private sealed class FailSwitch
    {
        public bool Armed { get; set; }
    }

    /// <summary>Saves as the app does; armed, its second save in a unit of work is written and then fails, as a disk that fills up would.</summary>
    private sealed class FailingSecondSave(IUnitOfWork inner, FailSwitch fail) : IUnitOfWork
    {
        private int _saves;

        public async Task<SaveResult> SaveChangesAsync(CancellationToken cancellationToken = default)
        {
            var saved = await inner.SaveChangesAsync(cancellationToken);
            if (fail.Armed && ++_saves == 2) throw new IOException("The disk is full.");
            return saved;
        }

        public Task<T> InOneTransactionAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> keep, CancellationToken cancellationToken = default) =>
            inner.InOneTransactionAsync(work, keep, cancellationToken);

        public void Forget() => inner.Forget();
    }
}
