using System.Net;
using System.Text;
using AngleSharp.Dom;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Account;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Admin;

/// <summary>
/// A council starting in production with an empty database: its first admin, with the reference data set up, brings
/// its workers and live placements in through the pages, each file checked (a bad row shown at its row and column,
/// then corrected and uploaded again) before it is imported with one button.
/// </summary>
public sealed class ImportTests(ProductionFactory factory) : IClassFixture<ProductionFactory>, IAsyncLifetime
{
    private const string Admin = "it.admin@luton.gov.example";
    private const string Password = "A-long-first-password-2026";
    private const string Agency = "Luton Care Staffing";
    private const string Manager = "head.of.cp@luton.gov.example";
    private const string Role = "Social Worker (Children and Families)";

    private static DateOnly Today => Clocks.Today;

    public async Task InitializeAsync()
    {
        // What an admin sets up before bringing data in (the pages for it are another part of going live).
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.ServiceAreas.AnyAsync()) return;
        var area = new ServiceArea("CSC", "Children's Social Care", "Children, Families and Education", true, 610m);
        db.AddRange(area, new SupplyAgency(Agency, SupplyAgencyKind.LocalSupportingAgency, 0.09m, true, "DPS-001"),
            new Domain.JobRoles.JobRole(Role, Domain.JobRoles.JobFamily.SocialCare, "E", 39_027m, 44_463m, Domain.JobRoles.RegistrationBody.SocialWorkEngland, Domain.JobRoles.DfeRoleType.SocialWorker, false));
        await db.SaveChangesAsync();
        db.Add(new HiringManager("Dana Head", Manager, "Head of Child Protection", area.Id, null));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_first_admin_brings_in_fifty_workers_and_twenty_live_placements_correcting_a_bad_row_in_each_and_the_same_files_again_change_nothing()
    {
        var admin = await factory.SignedInAsAsync(Admin, Password);
        (await admin.GetPageAsync("/Admin")).QuerySelectorAll("#admin-sections a").Select(a => a.TextContent).ShouldContain("Bring data in");
        (await admin.GetPageAsync("/Admin/Import")).QuerySelectorAll("#imports a").Select(a => a.GetAttribute("href")).ShouldBe(["/Admin/Import/Workers", "/Admin/Import/Placements"]);

        var workers = ImportFiles.Workers(50, Agency, Today);
        var bad = workers.Select(r => new Dictionary<string, string>(r)).ToList();
        bad[17]["Email"] = "amira.at.example.com";
        var page = await admin.GetPageAsync("/Admin/Import/Workers");
        page.Text("label[for=File]").ShouldBe("Upload a file of workers");
        page.QuerySelector("main form[enctype] button[type=submit]")!.TextContent.Trim().ShouldBe("Check the file");

        var preview = await CheckAsync(admin, page, "workers.csv", ImportFiles.WorkersFile(bad));
        preview.Text("#adding").ShouldBe("49 workers");
        preview.Text("#with-problems").ShouldBe("1 row");
        preview.QuerySelectorAll("#problems tbody tr td").Select(c => c.TextContent.Trim()).ShouldBe(["19", "Email", "Enter an email address in the correct format, like name@example.com"]);
        preview.Text("#import").ShouldBe("Import 49 workers");

        preview = await CheckAsync(admin, await admin.GetPageAsync("/Admin/Import/Workers"), "workers-corrected.csv", ImportFiles.WorkersFile(workers));
        preview.QuerySelector("#problems").ShouldBeNull();
        var imported = await ImportAsync(admin, preview, "Import 50 workers");
        imported.Text("#imported").ShouldContain("50 workers added");
        (await CountAsync(db => db.Workers.CountAsync())).ShouldBe(50);

        var placements = Enumerable.Range(1, 20).Select(i => ImportFiles.Placement($"P-{i:000}", $"W-{i:00000}", "CSC", Role, Manager, 30m + i % 3, Today)).ToList();
        placements[19]["Pay rate"] = "40.00";
        var wrong = placements.Select(r => new Dictionary<string, string>(r)).ToList();
        wrong[4]["Planned end date"] = ImportFiles.Iso(Today.AddDays(-3));
        preview = await CheckAsync(admin, await admin.GetPageAsync("/Admin/Import/Placements"), "placements.csv", ImportFiles.PlacementsFile(wrong));
        preview.QuerySelectorAll("#problems tbody tr td").Select(c => c.TextContent.Trim()).ShouldBe(["6", "Planned end date", "The planned end date has passed, so this placement is not live: leave it out of the file"]);
        preview.Text("#import").ShouldBe("Import 19 placements");

        preview = await CheckAsync(admin, await admin.GetPageAsync("/Admin/Import/Placements"), "placements.csv", ImportFiles.PlacementsFile(placements));
        preview.Text("#waiting").ShouldBe("1 placement");
        preview.QuerySelectorAll("#rows tbody tr")[^1].TextContent.ShouldContain("Needs sign-off");
        imported = await ImportAsync(admin, preview, "Import 20 placements");
        imported.Text("#imported").ShouldContain("20 placements added, 1 waiting for sign-off");
        (await CountAsync(db => db.Placements.CountAsync(p => p.Status == PlacementStatus.Active))).ShouldBe(19);
        (await CountAsync(db => db.Placements.CountAsync(p => p.Status == PlacementStatus.AwaitingSignOff))).ShouldBe(1);
        (await CountAsync(db => db.RuleDecisions.CountAsync(d => d.PlacementId != null))).ShouldBe(40, "a pay-rate and a length decision each");
        var waiting = await admin.GetPageAsync($"/Placements/{await CountAsync(db => db.Placements.Where(p => p.ExternalReference == "P-020").Select(p => p.Id).SingleAsync())}");
        waiting.Text("#brought-in").ShouldBe("P-020");
        waiting.Text("#waiting-for").ShouldContain("once it is signed off by the Director of Children's Services and the Chief Executive");
        (await admin.GetPageAsync($"/Workers/{await CountAsync(db => db.Workers.Where(w => w.ExternalReference == "W-00001").Select(w => w.Id).SingleAsync())}")).Text("#brought-in").ShouldBe("W-00001");

        var again = await CheckAsync(admin, await admin.GetPageAsync("/Admin/Import/Workers"), "workers-corrected.csv", ImportFiles.WorkersFile(workers));
        again.Text("#unchanged").ShouldBe("50 workers");
        again.QuerySelector("#import").ShouldBeNull();
        again.Text("#nothing").ShouldContain("every row is already here");
        (await admin.GetPageAsync("/Admin/Import")).QuerySelectorAll("#recent tbody tr").Length.ShouldBe(5);
    }

    [Fact]
    public async Task The_templates_download_as_csv_with_the_headings_and_an_example_row()
    {
        var admin = await factory.SignedInAsAsync(Admin, Password);
        foreach (var (path, headings) in new[] { ("/Admin/Import/Workers", ImportFiles.WorkerHeadings), ("/Admin/Import/Placements", ImportFiles.PlacementHeadings) })
        {
            var page = await admin.GetPageAsync(path);
            var link = page.QuerySelector("#template")!.GetAttribute("href")!;
            using var response = await admin.GetAsync(new Uri(link, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            response.Content.Headers.ContentDisposition!.ToString().ShouldContain("template.csv");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel reads it as UTF-8");
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(2);
            lines[0].ShouldBe(string.Join(',', headings));
        }
        var placements = Encoding.UTF8.GetString(await admin.GetByteArrayAsync(new Uri("/Admin/Import/Placements?handler=Template", UriKind.Relative)));
        placements.ShouldContain($"CSC,{Role},{Manager}", Case.Sensitive, "the example names this council's own service, role and manager");
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_refused_beside_the_file_field_and_keeps_nothing()
    {
        var admin = await factory.SignedInAsAsync(Admin, Password);
        var before = await CountAsync(db => db.Set<Domain.Imports.ImportUpload>().CountAsync());
        var page = await admin.GetPageAsync("/Admin/Import/Workers");
        var windows = Encoding.Latin1.GetBytes("External reference,First name,Last name,Email,Postcode,Job family,Agency\r\nW-1,Siân,Price £,sian@example.com,LU1 3JH,Housing,x\r\n");

        var refused = await Browsing.ParseAsync(await admin.UploadAsync(page, "File", "workers.csv", windows));

        refused.Text("#File-error").ShouldContain("Row 2 has characters that are not UTF-8");
        refused.Text(".govuk-error-summary").ShouldContain("Save the file as CSV UTF-8 and upload it again");
        var fifty = await Browsing.ParseAsync(await admin.UploadAsync(page, "File", "huge.csv", new byte[50 * 1024 * 1024]));
        fifty.Text("#File-error").ShouldBe("Error: The file is 50 MB: a file to import can be at most 10 MB. Split it into smaller files and import each");
        var none = await Browsing.ParseAsync(await admin.SubmitAsync(page, new Dictionary<string, string>(), "/Admin/Import/Workers"));
        none.Text("#File-error").ShouldBe("Error: Select a CSV file of workers to upload");
        (await CountAsync(db => db.Set<Domain.Imports.ImportUpload>().CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_preview_confirmed_after_the_data_changed_is_shown_again_and_nothing_is_saved()
    {
        var admin = await factory.SignedInAsAsync(Admin, Password);
        var rows = ImportFiles.Workers(3, Agency, Today, seed: 5).Select((r, i) => { r["External reference"] = $"STALE-{i}"; r["Email"] = $"stale.{i}@example.com"; return r; }).ToList();
        var preview = await CheckAsync(admin, await admin.GetPageAsync("/Admin/Import/Workers"), "stale.csv", ImportFiles.WorkersFile(rows));
        preview.Text("#adding").ShouldBe("3 workers");
        var count = await CountAsync(db => db.Workers.CountAsync());

        // Meanwhile the same file is imported by another admin, from another preview of it.
        var other = await CheckAsync(admin, await admin.GetPageAsync("/Admin/Import/Workers"), "stale.csv", ImportFiles.WorkersFile(rows.Take(1)));
        await ImportAsync(admin, other, "Import 1 worker");

        var stale = await Browsing.ParseAsync(await admin.SubmitAsync(preview, new Dictionary<string, string>(), new Uri(preview.Url).PathAndQuery));
        stale.Text(".govuk-error-summary").ShouldContain("Something changed since this file was checked");
        stale.Text("#adding").ShouldBe("2 workers");
        stale.Text("#unchanged").ShouldBe("1 worker");
        (await CountAsync(db => db.Workers.CountAsync())).ShouldBe(count + 1, "only what the other import saved");
        (await ImportAsync(admin, stale, "Import 2 workers")).Text("#imported").ShouldContain("2 workers added");
    }

    private static async Task<IDocument> CheckAsync(HttpClient admin, IDocument page, string fileName, byte[] file)
    {
        var response = await admin.UploadAsync(page, "File", fileName, file);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var preview = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        preview.Text("h1").ShouldBe("Check the file before you import it");
        return preview;
    }

    private static async Task<IDocument> ImportAsync(HttpClient admin, IDocument preview, string button)
    {
        preview.Text("#import").ShouldBe(button);
        var response = await admin.SubmitAsync(preview, new Dictionary<string, string>(), new Uri(preview.Url).PathAndQuery);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await admin.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    private async Task<int> CountAsync(Func<AppDbContext, Task<int>> count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
