using System.Globalization;
using Connect2Luton.Application.Imports;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>Files uploaded to import, for the tests that open a preview without uploading one through the page first.</summary>
public static class ImportUploads
{
    /// <summary>A file of three workers supplied by the demo's in-house pool, uploaded by the demo admin and not imported.</summary>
    public static async Task<int> SampleAsync(AppDbContext db, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agency = await db.SupplyAgencies.OrderBy(a => a.Id).Select(a => a.Name).FirstAsync();
        var file = ImportFiles.WorkersFile(ImportFiles.Workers(3, agency, DateOnly.FromDateTime(at.UtcDateTime)).Select((r, i) =>
        {
            r["External reference"] = string.Create(CultureInfo.InvariantCulture, $"SAMPLE-{i}");
            return r;
        }));
        var upload = new ImportUpload(ImportKind.Workers, "sample-workers.csv", file, ImportFile.Hash(file), "admin@connect2luton.local", at);
        db.Add(upload);
        await db.SaveChangesAsync();
        return upload.Id;
    }
}
