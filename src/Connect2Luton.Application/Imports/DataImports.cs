using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Domain.Imports;

namespace Connect2Luton.Application.Imports;

/// <summary>What a confirmation came to, and the file checked again when it could not be imported as previewed.</summary>
public sealed record ImportConfirmation(CommandResult Result, ImportPreview? Preview);

/// <summary>An upload, as the import page lists the latest.</summary>
public sealed record ImportListItem(int Id, ImportKind Kind, string FileName, string UploadedBy, DateTimeOffset UploadedAt, string? Outcome, string? ImportedBy, DateTimeOffset? ImportedAt);

/// <summary>
/// Bringing data in from CSV files (admins). An upload is checked as a file (size, encoding, quoting, its columns)
/// and, if it can be read, kept in the database; its preview checks every row against the data as it is now, saving
/// nothing. Confirming checks the file again inside one transaction and saves every row that can be saved, or
/// nothing: if the check no longer says what the preview said (someone changed a worker meanwhile, the day turned),
/// nothing is saved and the new preview is shown instead.
/// </summary>
public sealed class DataImports(
    IRepository<ImportUpload> uploads,
    ICsvFileReader csv,
    WorkerImport workers,
    PlacementImport placements,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    TimeProvider clock)
{
    public const string FileField = "File";

    /// <summary>How long an upload waits to be confirmed: a day, after which it is cleared and must be uploaded again.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private const string OnlyAdmins = "Only admins bring data in from files.";

    /// <summary>Checks the file and keeps it for its preview; the result's id is the upload's. A file that cannot be read is refused at the file field and nothing is kept.</summary>
    /// <param name="length">The file's length as sent, checked before any of it is read.</param>
    public async Task<CommandResult> UploadAsync(ImportKind kind, string? fileName, long length, Stream? content, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ImportData)) return CommandResult.Forbidden(OnlyAdmins);
        if (content is null || string.IsNullOrWhiteSpace(fileName)) return CommandResult.Invalid(FileField, $"Select a CSV file of {Rows(kind)} to upload");
        if (length > ImportFile.MostBytes) return CommandResult.Invalid(FileField, ImportFile.TooLarge(length));
        if (length == 0) return CommandResult.Invalid(FileField, ImportFile.Empty);
        var bytes = await ReadAsync(content, cancellationToken);
        if (bytes is null) return CommandResult.Invalid(FileField, ImportFile.TooLarge(ImportFile.MostBytes + 1L));
        var (_, problem) = Read(kind, bytes);
        if (problem is not null) return CommandResult.Invalid(FileField, problem);

        var now = clock.GetUtcNow();
        foreach (var stale in await uploads.ListAsync(new UploadsNotImportedBeforeSpec(now - KeptFor), cancellationToken)) uploads.Remove(stale);
        var upload = new ImportUpload(kind, Named(fileName), bytes, ImportFile.Hash(bytes), user.Name, now);
        uploads.Add(upload);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(upload.Id);
    }

    /// <summary>The upload checked against the data as it is now, or what its import came to; null where there is no such upload.</summary>
    public async Task<ImportPreview?> PreviewAsync(int id, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ImportData)) return null;
        var upload = await uploads.FirstOrDefaultAsync(new UploadSpec(id, forUpdate: false), cancellationToken);
        if (upload is null) return null;
        if (upload.IsImported) return Preview(upload, []);
        // Past its day it is as good as cleared (the next upload clears it): its people's details are not shown again.
        if (upload.UploadedAt < clock.GetUtcNow() - KeptFor) return null;
        return Preview(upload, (await PlanAsync(upload, forUpdate: false, cancellationToken)).Rows);
    }

    /// <param name="previewVersion">The <see cref="ImportPreview.Version"/> the admin confirmed.</param>
    public async Task<ImportConfirmation> ConfirmAsync(int id, string? previewVersion, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ImportData)) return new(CommandResult.Forbidden(OnlyAdmins), null);
        return await unitOfWork.InOneTransactionAsync(async token =>
        {
            var upload = await uploads.FirstOrDefaultAsync(new UploadSpec(id, forUpdate: true), token);
            if (upload is null) return new ImportConfirmation(CommandResult.NotFound(), null);
            if (upload.ImportedAt is { } imported)
                return new ImportConfirmation(CommandResult.Conflict($"This file was imported on {When(imported)} by {upload.ImportedBy}: {upload.Outcome}. Nothing more has been saved."), Preview(upload, []));
            if (upload.UploadedAt < clock.GetUtcNow() - KeptFor)
                return new ImportConfirmation(CommandResult.Conflict("This file was checked more than a day ago. Nothing has been saved: upload it again to check it against the data as it is now."), null);

            var plan = await PlanAsync(upload, forUpdate: true, token);
            var preview = Preview(upload, plan.Rows);
            if (!string.Equals(preview.Version, previewVersion, StringComparison.Ordinal))
                return new ImportConfirmation(CommandResult.Conflict("Something changed since this file was checked (a record it names, or the day), so what it would do has changed. Nothing has been saved: the file is checked again below. Read it, then import it."), preview);
            if (preview.Spoiled)
                return new ImportConfirmation(CommandResult.Conflict("This file has cells a spreadsheet would run as formulas, or cells that run over more than one line. Nothing from it has been saved: correct those cells and upload it again."), preview);
            if (preview.ToImport == 0)
                return new ImportConfirmation(CommandResult.Conflict("There is nothing in this file to import: every row is already here or has a problem. Nothing has been saved."), preview);

            var saved = await plan.Save(unitOfWork, token);
            if (!saved.IsConflict)
            {
                upload.MarkImported(plan.Outcome(), user.Name, clock.GetUtcNow());
                saved = await unitOfWork.SaveChangesAsync(token);
            }
            return saved.IsConflict
                ? new ImportConfirmation(CommandResult.Conflict($"{saved.Conflict} Nothing from this file has been saved."), null)
                : new ImportConfirmation(CommandResult.Done(upload.Id), null);
        }, outcome => outcome.Result.Succeeded, cancellationToken);
    }

    /// <summary>The latest uploads, newest first.</summary>
    public async Task<IReadOnlyList<ImportListItem>> RecentAsync(CancellationToken cancellationToken) =>
        user.May(Permissions.ImportData) ? await uploads.ListAsync(new RecentUploadsSpec(20), cancellationToken) : [];

    private async Task<ImportPlan> PlanAsync(ImportUpload upload, bool forUpdate, CancellationToken cancellationToken)
    {
        var (sheet, problem) = Read(upload.Kind, upload.Content);
        // The file was checked when it was uploaded, and the checks read only the file.
        if (sheet is null) throw new InvalidOperationException($"Upload {upload.Id} no longer reads: {problem}");
        return upload.Kind == ImportKind.Workers
            ? await workers.PlanAsync(sheet, forUpdate, cancellationToken)
            : await placements.PlanAsync(sheet, upload.FileName, user.Name, forUpdate, cancellationToken);
    }

    private (ImportSheet? Sheet, string? Problem) Read(ImportKind kind, byte[] bytes)
    {
        var (text, problem) = ImportFile.Check(bytes);
        if (problem is not null) return (null, problem);
        return ImportSheet.Read(csv.Read(text), kind == ImportKind.Workers ? WorkerColumns.All : PlacementColumns.All, Rows(kind));
    }

    private static ImportPreview Preview(ImportUpload upload, IReadOnlyList<ImportRowView> rows) =>
        new(upload.Id, upload.Kind, upload.FileName, upload.UploadedBy, upload.UploadedAt, rows, Fingerprint(upload, rows),
            upload.ImportedAt is { } at ? new ImportDone(upload.Outcome!, upload.ImportedBy!, at) : null);

    // Everything the preview says, in one value: any change to what a row would do changes it.
    private static string Fingerprint(ImportUpload upload, IReadOnlyList<ImportRowView> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{upload.Id}|{upload.ContentHash}\n")));
        foreach (var row in rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{row.Row}|{row.Outcome}|{row.WaitsForSignOff}|{row.Subject}|{string.Join('|', row.Notes)}|{string.Join('|', row.Problems.Select(p => $"{p.Column}:{p.Message}"))}\n")));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    /// <summary>The file's bytes, or null when there are more than a file may have (whatever length was claimed).</summary>
    private static async Task<byte[]?> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ImportFile.MostBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // The name as the page shows it: the file's own name, without a path, on one line and not a page long.
    private static string Named(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not '<' and not '>').ToArray()).Trim();
        if (name.Length == 0) name = "file.csv";
        return name.Length > 120 ? name[..120] : name;
    }

    private static string Rows(ImportKind kind) => kind == ImportKind.Workers ? "workers" : "placements";

    private static string When(DateTimeOffset at) => UkClock.InUk(at).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
}

public sealed class UploadSpec : Specification<ImportUpload>
{
    public UploadSpec(int id, bool forUpdate)
    {
        Query.Where(u => u.Id == id);
        if (!forUpdate) Query.AsNoTracking();
    }
}

/// <summary>Uploads never confirmed and older than a day: cleared, as they hold people's details and nobody will import them now.</summary>
public sealed class UploadsNotImportedBeforeSpec : Specification<ImportUpload>
{
    public UploadsNotImportedBeforeSpec(DateTimeOffset before) => Query.Where(u => u.ImportedAt == null && u.UploadedAt < before);
}

public sealed class RecentUploadsSpec : Specification<ImportUpload, ImportListItem>
{
    public RecentUploadsSpec(int take)
    {
        Query.AsNoTracking().OrderByDescending(u => u.Id).Take(take);
        Query.Select(u => new ImportListItem(u.Id, u.Kind, u.FileName, u.UploadedBy, u.UploadedAt, u.Outcome, u.ImportedBy, u.ImportedAt));
    }
}
