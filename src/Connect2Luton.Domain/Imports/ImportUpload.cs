using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Imports;

/// <summary>
/// A file uploaded to be brought in, kept between its preview and the admin's confirmation so that any node can
/// check it again and save it: the preview is never held in one server's memory. Once imported it keeps who
/// imported it, when and what it came to, and lets go of the file itself, which holds people's details.
/// </summary>
public sealed class ImportUpload : AggregateRoot
{
    /// <summary>The most a file may hold: well over the 10,000 workers a large council would bring in (about 2.5 MB).</summary>
    public const int MostBytes = 10 * 1024 * 1024;

    private ImportUpload() { FileName = ContentHash = UploadedBy = string.Empty; Content = []; }

    public ImportUpload(ImportKind kind, string fileName, byte[] content, string contentHash, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length is 0 or > MostBytes) throw new DomainRuleException($"A file to import holds between 1 byte and {MostBytes} bytes.");
        Kind = kind;
        FileName = Guard.Required(fileName, Limits.Title, "The file name");
        Content = content;
        ContentHash = Guard.Required(contentHash, Limits.ContentHash, "The file's content hash");
        UploadedBy = Guard.Required(by, Limits.Actor);
        UploadedAt = at;
    }

    public ImportKind Kind { get; private set; }
    public string FileName { get; private set; }

    /// <summary>The file as uploaded; emptied once it has been imported.</summary>
    public byte[] Content { get; private set; }

    /// <summary>SHA-256 of the file as uploaded, in hex: the same file uploaded twice is recognised.</summary>
    public string ContentHash { get; private set; }
    public string UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string? ImportedBy { get; private set; }
    public DateTimeOffset? ImportedAt { get; private set; }

    /// <summary>What the import came to, in words ("48 workers added, 2 updated").</summary>
    public string? Outcome { get; private set; }

    public bool IsImported => ImportedAt is not null;

    public void MarkImported(string outcome, string by, DateTimeOffset at)
    {
        if (IsImported) throw new DomainRuleException("This file has already been imported.");
        Outcome = Guard.Required(outcome, Limits.Reason, "What the import came to");
        ImportedBy = Guard.Required(by, Limits.Actor);
        ImportedAt = at;
        Content = [];
    }
}
