using System.Net;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Faults;

/// <summary>
/// Files too large to import sent to the app as a server runs it (Kestrel, with its own limit on a request's size):
/// a file a few times over the limit reaches its page and is refused there with the limit; one so large that the
/// server stops reading it gets a page that says why, never an error.
/// </summary>
public sealed class LargeUploadTests(SeededDatabase seeded) : IAsyncLifetime, IClassFixture<SeededDatabase>
{
    private readonly DatabaseFile _database = DatabaseFile.New("uploads");

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
    public async Task A_fifty_megabyte_file_gets_the_limit_on_its_page_and_one_past_what_the_server_reads_gets_a_page_saying_so()
    {
        await using var app = await AppProcess.StartAsync(_database.Path, new Dictionary<string, string>
        {
            ["Scheduling:FlagLongRunningPlacements"] = "0 0 0 1 1 ? 2099",
            ["Scheduling:RaiseConversionPrompts"] = "0 0 0 1 1 ? 2099",
            ["Scheduling:ReleaseRequisitions"] = "0 0 0 1 1 ? 2099",
        });
        var admin = await app.SignedInAsAsync("admin@connect2luton.local");
        var uploads = await _database.ScalarAsync("SELECT COUNT(*) FROM ImportUploads");

        var page = await admin.GetPageAsync("/Admin/Import/Workers");
        using var fifty = await admin.UploadAsync(page, "File", "workers.csv", new byte[50 * 1024 * 1024]);
        fifty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Browsing.ParseAsync(fifty)).Text("#File-error").ShouldBe("Error: The file is 50 MB: a file to import can be at most 10 MB. Split it into smaller files and import each");

        using var huge = await admin.UploadAsync(page, "File", "workers.csv", new byte[120 * 1024 * 1024], waitToSend: true);
        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var refused = await Browsing.ParseAsync(huge);
        refused.Text("h1").ShouldBe("That file is too large to send");
        refused.Text("main").ShouldContain("A file to import can be at most 10 MB");

        (await _database.ScalarAsync("SELECT COUNT(*) FROM ImportUploads")).ShouldBe(uploads);
        app.HasExited.ShouldBeFalse();
    }
}
