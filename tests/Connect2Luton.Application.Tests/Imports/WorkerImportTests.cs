using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Imports;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Imports;

/// <summary>
/// A file of workers brought in: every row previewed with what it would do or its problems (row and column, in the
/// worker form's words), nothing saved until confirmed, then every good row saved at once; the same file again
/// changes nothing, a changed row updates its worker.
/// </summary>
public sealed class WorkerImportTests : ImportFixture
{
    [Fact]
    public async Task A_file_of_workers_is_previewed_saving_nothing_then_imported_whole_and_the_same_file_again_changes_nothing()
    {
        var file = ImportFiles.WorkersFile(Workers(25));

        var upload = await UploadAsync(ImportKind.Workers, file, "workers.csv");
        var preview = await PreviewAsync(upload.Id);
        (preview.Adding, preview.Updating, preview.Unchanged, preview.WithProblems).ShouldBe((25, 0, 0, 0));
        preview.Rows.Select(r => r.Row).ShouldBe(Enumerable.Range(2, 25), "rows as the spreadsheet numbers them, the headings being row 1");
        (await CountAsync(new WorkerKeysSpec())).ShouldBe(0, "a preview saves nothing");

        (await ConfirmAsync(upload.Id, preview.Version)).Result.Status.ShouldBe(CommandStatus.Done);
        (await CountAsync(new WorkerKeysSpec())).ShouldBe(25);
        await using (var data = TestData.Open(Database))
        {
            var first = await data.SingleAsync<Worker>(w => w.ExternalReference == "W-00001");
            first.JobFamily.ShouldBe(Domain.JobRoles.JobFamily.SocialCare, "\"Social work\" is read as social care");
            first.Dbs!.Level.ShouldBe(DbsLevel.EnhancedWithBarredLists);
            first.Registration!.Body.ShouldBe(Domain.JobRoles.RegistrationBody.SocialWorkEngland);
            first.RightToWork.ShouldNotBeNull();
        }
        (await PreviewAsync(upload.Id)).Done!.Outcome.ShouldBe("25 workers added");

        var again = await UploadAsync(ImportKind.Workers, file, "workers.csv");
        var second = await PreviewAsync(again.Id);
        (second.Adding, second.Updating, second.Unchanged).ShouldBe((0, 0, 25));
        second.ToImport.ShouldBe(0);
        (await ConfirmAsync(again.Id, second.Version)).Result.Message.ShouldBe("There is nothing in this file to import: every row is already here or has a problem. Nothing has been saved.");
        (await CountAsync(new WorkerKeysSpec())).ShouldBe(25);
    }

    [Fact]
    public async Task A_changed_row_updates_its_worker_and_the_preview_says_what_will_change()
    {
        var rows = Workers(3);
        await ImportAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows));
        rows[1]["Phone"] = "01582 546000";
        rows[1]["Postcode"] = "lu2 7ha";

        var upload = await UploadAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows));
        var preview = await PreviewAsync(upload.Id);
        (preview.Adding, preview.Updating, preview.Unchanged).ShouldBe((0, 1, 2));
        var updated = preview.Rows.Single(r => r.Outcome == RowOutcome.Update);
        updated.Row.ShouldBe(3);
        updated.Notes.ShouldBe(["Will change phone and postcode"]);
        (await ConfirmAsync(upload.Id, preview.Version)).Result.Succeeded.ShouldBeTrue();

        await using var data = TestData.Open(Database);
        var worker = await data.SingleAsync<Worker>(w => w.ExternalReference == "W-00002");
        (worker.Phone, worker.Postcode, worker.Version).ShouldBe(("01582 546000", "LU2 7HA", 1));
    }

    [Fact]
    public async Task Each_row_problem_names_its_row_and_column_in_the_worker_forms_words_and_good_rows_import_once_no_cell_is_a_formula_or_over_lines()
    {
        var rows = Workers(9);
        rows[0]["Email"] = "not-an-email";
        rows[1]["Agency"] = "Acme Staffing";
        rows[2]["External reference"] = rows[3]["External reference"];
        rows[4]["Email"] = rows[5]["Email"];
        rows[6]["First name"] = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        rows[7]["Last name"] = "Smith\nJones";
        rows[8]["DBS certificate number"] = "1.23457E+11";
        rows.Add(ImportFiles.Workers(1, Where.Agency.Name, Today, seed: 7)[0]);
        rows[^1]["External reference"] = "W-99999";
        rows[^1]["Job family"] = "Astronaut";
        rows[^1]["Postcode"] = "LU1";
        rows[^1]["Phone"] = "+44 7700 900982";
        rows[^1]["Right to work checked on"] = "31/02/2026";

        var upload = await UploadAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows));
        var preview = await PreviewAsync(upload.Id);

        preview.Problems.Select(p => (p.Row, p.Column, p.Message)).ShouldBe(
        [
            (2, "Email", "Enter an email address in the correct format, like name@example.com"),
            (3, "Agency", $"No supply agency is called \"Acme Staffing\": enter one of {Where.Agency.Name}"),
            (5, "External reference", "Row 4 has the same reference: each worker is on one row"),
            (7, "Email", "Row 6 has the same email address: each worker has their own"),
            (8, "First name", "This cell starts with \"=\", so a spreadsheet would run it as a formula: type the value itself"),
            (9, "Last name", "This cell runs over more than one line (a line break inside quotes): put it on one line"),
            (10, "DBS certificate number", "\"1.23457E+11\" is how a spreadsheet shows a long number: format the column as text, type the 12 digits again and save the file"),
            (11, "Postcode", "Enter a full UK postcode, like LU1 3JH"),
            (11, "Job family", "Enter Social care, Housing, Planning, Neighbourhood services, Catering, Business support or Interim management"),
            (11, "Right to work checked on", "Enter the date as 2026-11-23 or 23/11/2026"),
        ], ignoreOrder: true);
        preview.Rows.Where(r => r.Outcome == RowOutcome.Problem).Select(r => r.Row).ShouldBe([2, 3, 5, 7, 8, 9, 10, 11]);
        (preview.Adding, preview.WithProblems).ShouldBe((2, 8));

        // A formula or a cell over lines keeps the whole file out until it is corrected.
        (preview.Spoiled, preview.ToImport).ShouldBe((true, 0));
        (await ConfirmAsync(upload.Id, preview.Version)).Result.Succeeded.ShouldBeFalse();
        (await CountAsync(new WorkerKeysSpec())).ShouldBe(0);

        rows[6]["First name"] = "Amy";
        rows[7]["Last name"] = "Jones";
        var corrected = await UploadAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows));
        var checkedAgain = await PreviewAsync(corrected.Id);
        (checkedAgain.Spoiled, checkedAgain.Adding, checkedAgain.WithProblems).ShouldBe((false, 4, 6));
        (await ConfirmAsync(corrected.Id, checkedAgain.Version)).Result.Succeeded.ShouldBeTrue();
        (await CountAsync(new WorkerKeysSpec())).ShouldBe(4, "the rows without problems, and only they");
    }

    [Fact]
    public async Task A_file_again_without_the_optional_columns_leaves_what_they_recorded()
    {
        var rows = Workers(1);
        var first = await UploadAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows));
        (await ConfirmAsync(first.Id, (await PreviewAsync(first.Id)).Version)).Result.Succeeded.ShouldBeTrue();

        // Another system's export with only the columns it has: the registration, phone and the rest stay as recorded.
        string[] fewer = ["External reference", "First name", "Last name", "Email", "Postcode", "Job family", "Agency", "Right to work checked on", "DBS issued on", "DBS level", "DBS certificate number"];
        var again = await PreviewAsync((await UploadAsync(ImportKind.Workers, ImportFiles.Csv(fewer, rows))).Id);
        (again.Unchanged, again.Updating, again.WithProblems).ShouldBe((1, 0, 0), string.Join("; ", again.Rows.SelectMany(r => r.Notes.Concat(r.Problems.Select(p => p.Message)))));

        await using var data = TestData.Open(Database);
        var worker = await data.SingleAsync<Worker>(w => w.ExternalReference == rows[0]["External reference"]);
        worker.Registration.ShouldNotBeNull().Number.ShouldBe(rows[0]["Registration number"]);
        worker.Phone.ShouldBe(rows[0]["Phone"]);
    }

    [Theory]
    [InlineData("1,250.50", 1250.50)]
    [InlineData("£39,027", 39027.0)]
    [InlineData("37.5", 37.5)]
    [InlineData("3,5", null)]
    [InlineData("1,2,3", null)]
    [InlineData("32,50", null)]
    public void A_comma_in_a_figure_is_read_only_between_thousands_never_as_a_decimal_point(string cell, double? read) =>
        (ImportText.TryNumber(cell, out var number) ? number : (decimal?)null).ShouldBe(read is { } figure ? (decimal)figure : null);

    [Fact]
    public async Task An_agency_no_longer_used_supplies_no_worker_brought_in_but_keeps_those_it_supplies()
    {
        var rows = Workers(2);
        await ImportAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows.Take(1)));
        await using (var scope = Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<Application.Common.Persistence.IRepository<Domain.SupplyAgencies.SupplyAgency>>().GetByIdAsync(Where.Agency.Id))!.Deactivate();
            (await scope.ServiceProvider.GetRequiredService<Application.Common.Persistence.IUnitOfWork>().SaveChangesAsync()).IsConflict.ShouldBeFalse();
        }
        rows[0]["Phone"] = "01582 546000";

        var preview = await PreviewAsync((await UploadAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows))).Id);

        preview.Rows[0].Outcome.ShouldBe(RowOutcome.Update, "a worker it supplies stays with it");
        preview.Problems.ShouldHaveSingleItem().ShouldBe(new RowProblem(3, "Agency", $"{Where.Agency.Name} is no longer used: enter who supplies the worker now"));
    }

    [Fact]
    public async Task A_worker_already_in_the_pool_by_email_without_the_reference_is_a_row_problem()
    {
        var rows = Workers(2);
        await using (var data = TestData.Open(Database))
        {
            data.Add(new Worker(new WorkerProfile("Jane", "Existing", rows[1]["Email"].ToUpperInvariant(), null, UkPostcode.Parse("LU1 3JH"),
                Domain.JobRoles.JobFamily.Housing, Where.Agency.Id, null, false, null), Clocks.Now));
            await data.SaveAsync();
        }

        var preview = await PreviewAsync((await UploadAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows))).Id);

        preview.Problems.ShouldHaveSingleItem().ShouldBe(new RowProblem(3, "Email", "Jane Existing already has this email address in the pool: each worker has their own"));
    }

    [Fact]
    public async Task A_preview_confirmed_after_a_worker_it_names_changed_is_out_of_date_and_saves_nothing()
    {
        var rows = Workers(3);
        await ImportAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows));
        rows[0]["Phone"] = "01582 546000";
        rows.AddRange(ImportFiles.Workers(5, Where.Agency.Name, Today, seed: 99).Select((r, i) => { r["External reference"] = $"N-{i}"; return r; }));
        var upload = await UploadAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows));
        var preview = await PreviewAsync(upload.Id);
        (preview.Adding, preview.Updating).ShouldBe((5, 1));

        // Meanwhile a recruiter changes that worker's phone number to what the file says.
        await using (var scope = Services.CreateAsyncScope())
        {
            var id = (await scope.ServiceProvider.GetRequiredService<Application.Common.Persistence.IReadRepository<Worker>>().ListAsync(new WorkerKeysSpec())).Single(w => w.ExternalReference == "W-00001").Id;
            var worker = (await scope.ServiceProvider.GetRequiredService<Application.Common.Persistence.IRepository<Worker>>().GetByIdAsync(id))!;
            worker.Update(new WorkerProfile(worker.FirstName, worker.LastName, worker.Email, "01582 546000", UkPostcode.Parse(worker.Postcode), worker.JobFamily,
                worker.SupplyAgencyId, worker.QualifiedOn, worker.OpenToPermanentJob, null));
            (await scope.ServiceProvider.GetRequiredService<Application.Common.Persistence.IUnitOfWork>().SaveChangesAsync()).IsConflict.ShouldBeFalse();
        }

        var stale = await ConfirmAsync(upload.Id, preview.Version);
        stale.Result.Status.ShouldBe(CommandStatus.Conflict);
        stale.Result.Message!.ShouldStartWith("Something changed since this file was checked");
        (stale.Preview!.Adding, stale.Preview.Updating, stale.Preview.Unchanged).ShouldBe((5, 0, 3), "the file checked again, as it is now");
        (await CountAsync(new WorkerKeysSpec())).ShouldBe(3, "nothing saved");

        (await ConfirmAsync(upload.Id, stale.Preview.Version)).Result.Succeeded.ShouldBeTrue();
        (await CountAsync(new WorkerKeysSpec())).ShouldBe(8);
        (await ConfirmAsync(upload.Id, stale.Preview.Version)).Result.Message!.ShouldContain("This file was imported on 23 November 2026 at 10:00 by admin@test.local: 5 workers added.");
    }

    [Fact]
    public async Task Only_an_admin_brings_data_in()
    {
        await using var services = TestServices.For(Database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<DataImports>();
        var file = ImportFiles.WorkersFile(Workers(1));
        (await imports.UploadAsync(ImportKind.Workers, "w.csv", file.Length, new MemoryStream(file), CancellationToken.None)).Status.ShouldBe(CommandStatus.Forbidden);
        (await imports.ConfirmAsync(1, "x", CancellationToken.None)).Result.Status.ShouldBe(CommandStatus.Forbidden);
        (await imports.PreviewAsync(1, CancellationToken.None)).ShouldBeNull();
    }
}
