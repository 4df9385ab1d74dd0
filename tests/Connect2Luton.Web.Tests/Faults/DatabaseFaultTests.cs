using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Connect2Luton.Web.Tests.Faults;

/// <summary>A database as the app's first start leaves it (the run's seeded template), for each test to copy.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public DatabaseFile File { get; } = DatabaseFile.New("seeded");

    public Task InitializeAsync()
    {
        SeededTemplate.CopyTo(File.Path);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        File.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The database file locked by another process, or opened read-only, with the app running as a server runs it: a
/// clear page saying what happened to the person's work, never a crash (and so never a restart loop).
/// </summary>
public sealed class DatabaseFaultTests(SeededDatabase seeded) : IAsyncLifetime, IClassFixture<SeededDatabase>
{
    private readonly DatabaseFile _database = DatabaseFile.New("faults");

    // A save waits two seconds for the lock rather than thirty, and the start-up fallback retries every second.
    private static readonly Dictionary<string, string> Quick = new()
    {
        ["Database:RetryEverySeconds"] = "1",
        ["Scheduling:FlagLongRunningPlacements"] = "0 0 0 1 1 ? 2099",
        ["Scheduling:RaiseConversionPrompts"] = "0 0 0 1 1 ? 2099",
        ["Scheduling:ReleaseRequisitions"] = "0 0 0 1 1 ? 2099",
    };

    private string ConnectionString(bool readOnly = false) =>
        new SqliteConnectionStringBuilder { DataSource = _database.Path, DefaultTimeout = 2, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate }.ToString();

    private Dictionary<string, string> Settings(bool readOnly = false) => new(Quick) { ["Database:ConnectionString"] = ConnectionString(readOnly) };

    public Task InitializeAsync()
    {
        seeded.File.CopyTo(_database);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_save_while_another_process_holds_the_lock_gets_a_clear_page_and_saves_once_it_is_released()
    {
        await using var app = await AppProcess.StartAsync(_database.Path, Settings());
        var manager = await app.SignedInAsAsync("manager@connect2luton.local");
        var form = await manager.GetPageAsync("/Requisitions/New");
        var before = await _database.ScalarAsync("SELECT COUNT(*) FROM Requisitions");
        var fields = ValidRequisition(await _database.ScalarAsync("SELECT Id FROM JobRoles WHERE Title = 'Social Worker (Children and Families)'"));

        HttpResponseMessage refused;
        await using (await LockAsync())
            refused = await manager.SubmitAsync(form, fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var page = await Browsing.ParseAsync(refused);
        page.Text("h1").ShouldBe("Sorry, the service is unavailable");
        page.Text("main").ShouldContain("The database is busy with other work and did not answer in time. Nothing you entered has been saved");
        (await _database.ScalarAsync("SELECT COUNT(*) FROM Requisitions")).ShouldBe(before);

        var saved = await manager.SubmitAsync(form, fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, app.Log);
        (await _database.ScalarAsync("SELECT COUNT(*) FROM Requisitions")).ShouldBe(before + 1);
        app.HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task Started_on_a_locked_database_the_app_says_so_on_every_page_and_starts_by_itself_once_it_is_free()
    {
        var locked = await LockAsync();
        await using var app = await AppProcess.StartAsync(_database.Path, Settings());
        using var browser = app.Browser();
        try
        {
            // Still waiting after several tries: the fallback keeps answering instead of exiting.
            await app.WaitForLogAsync(StillUnavailable, 3, TimeSpan.FromSeconds(60));
            app.HasExited.ShouldBeFalse(app.Log);
            using var health = await browser.GetAsync(new Uri("/health", UriKind.Relative));
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await health.Content.ReadAsStringAsync()).ShouldContain("\"database\":\"Busy\"");
            var page = await UnavailablePageAsync(browser, "/Workers");
            page.Text("main").ShouldContain("The database is busy");
        }
        finally
        {
            await locked.DisposeAsync();
        }

        // The fallback lets go of the port and the app proper takes it: it says so, twice listening in all.
        await app.WaitForLogAsync("The database can be used again", TimeSpan.FromSeconds(60));
        await app.WaitForLogAsync(AppProcess.Listening, 2, TimeSpan.FromSeconds(60));
        HttpStatusCode? status;
        using (var response = await browser.GetAsync(new Uri("/Account/SignIn", UriKind.Relative))) status = response.StatusCode;
        status.ShouldBe(HttpStatusCode.OK, app.Log);
        (await browser.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var manager = await app.SignedInAsAsync("manager@connect2luton.local");
        (await manager.GetAsync(new Uri("/Requisitions", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// Opened read-only, SQLite refuses every write with SQLITE_READONLY, as it does for a file on a read-only mount.
    /// (The tests run as root, for whom file permissions cannot make a file read-only.)
    /// </summary>
    [Fact]
    public async Task Started_on_a_read_only_database_the_app_says_it_cannot_save_instead_of_crashing()
    {
        await using var app = await AppProcess.StartAsync(_database.Path, Settings(readOnly: true));
        using var browser = app.Browser();
        await app.WaitForLogAsync(StillUnavailable, 2, TimeSpan.FromSeconds(60));
        app.HasExited.ShouldBeFalse(app.Log);

        var page = await UnavailablePageAsync(browser, "/");
        page.Text("main").ShouldContain("The database can be read but not written to, so nothing can be saved");
        using var health = await browser.GetAsync(new Uri("/health", UriKind.Relative));
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).ShouldContain("\"database\":\"ReadOnly\"");
    }

    // What the page that answers while the database cannot be used logs on each try that fails.
    private const string StillUnavailable = "The database still cannot be used";

    private static async Task<IDocument> UnavailablePageAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var page = await Browsing.ParseAsync(response);
        page.Text("h1").ShouldBe("Sorry, the service is unavailable");
        return page;
    }

    /// <summary>Another process's write transaction on the file, held until disposed: every writer waits, then gives up.</summary>
    private async Task<IAsyncDisposable> LockAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.Path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }
        return connection;
    }

    // The real clock: this app is its own process, started now.
    private static Dictionary<string, string> ValidRequisition(int roleId)
    {
        var start = DateOnly.FromDateTime(DateTime.Today).AddDays(21);
        var end = start.AddDays(7 * 12);
        string S(int value) => value.ToString(CultureInfo.InvariantCulture);
        return new()
        {
            ["Input.JobRoleId"] = S(roleId),
            ["Input.Title"] = "Social Worker, Child Protection team",
            ["Input.Reason"] = "VacancyCover",
            ["Input.StartDate.Day"] = S(start.Day),
            ["Input.StartDate.Month"] = S(start.Month),
            ["Input.StartDate.Year"] = S(start.Year),
            ["Input.EndDate.Day"] = S(end.Day),
            ["Input.EndDate.Month"] = S(end.Month),
            ["Input.EndDate.Year"] = S(end.Year),
            ["Input.WeeklyHours"] = "37",
            ["Input.MaximumPayRate"] = "36.50",
            ["Input.Positions"] = "1",
        };
    }
}
