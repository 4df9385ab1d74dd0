using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>
/// An admin brings workers in through the pages in a real browser: the template's guide, a file with a bad row
/// checked and shown, the corrected file checked and imported with one button. Every page passes axe.
/// </summary>
public sealed class ImportJourneyTests(ChromiumFactory factory) : IClassFixture<ChromiumFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("connect2luton-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [BrowserFact]
    public async Task An_admin_checks_a_file_of_workers_sees_its_bad_row_corrects_it_and_imports_them()
    {
        var workers = ImportFiles.Workers(5, DemoCatalogue.InHousePoolName, Clocks.Today, seed: 42)
            .Select((r, i) => { r["External reference"] = $"BROWSER-{i}"; r["Email"] = $"browser.{i}@example.com"; return r; }).ToList();
        var bad = workers.Select(r => new Dictionary<string, string>(r)).ToList();
        bad[2]["Postcode"] = "Luton";

        var admin = await BrowserJourney.StartAsync(factory, "admin@connect2luton.local");
        var page = admin.Page;
        await admin.GoAsync("/Admin");
        await page.ClickAsync("#admin-sections a[href='/Admin/Import']");
        await admin.ArrivedAsync();
        await page.ClickAsync("#imports a[href='/Admin/Import/Workers']");
        await admin.ArrivedAsync();
        await page.ClickAsync("text=What each column takes");
        (await page.Locator("#columns").TextContentAsync()).ShouldNotBeNull().ShouldContain("DBS certificate number");

        await page.SetInputFilesAsync("#File", Saved("workers.csv", ImportFiles.WorkersFile(bad)));
        await page.ClickAsync("main form button:has-text(\"Check the file\")");
        await admin.ArrivedAsync();
        (await page.Locator("#with-problems").TextContentAsync()).ShouldBe("1 row");
        (await page.Locator("#problems tbody").TextContentAsync()).ShouldNotBeNull().ShouldContain("Enter a full UK postcode, like LU1 3JH");
        (await page.Locator("#import").TextContentAsync()).ShouldNotBeNull().Trim().ShouldBe("Import 4 workers");

        await page.ClickAsync("text=Upload another file");
        await admin.ArrivedAsync();
        await page.SetInputFilesAsync("#File", Saved("workers-corrected.csv", ImportFiles.WorkersFile(workers)));
        await page.ClickAsync("main form button:has-text(\"Check the file\")");
        await admin.ArrivedAsync();
        await page.ClickAsync("#import");
        await admin.ArrivedAsync();
        (await page.Locator("#imported").TextContentAsync()).ShouldNotBeNull().ShouldContain("5 workers added");
        await admin.EndAsync("import-workers");
    }

    private string Saved(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
