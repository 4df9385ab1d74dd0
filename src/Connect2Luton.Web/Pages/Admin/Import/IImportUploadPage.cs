using Connect2Luton.Application.Imports;

namespace Connect2Luton.Web.Pages.Admin.Import;

/// <summary>What the upload form and its guide (<c>_Upload</c>) need from the page that shows them.</summary>
public interface IImportUploadPage
{
    ImportGuide Guide { get; }

    /// <summary>What the file holds, as a sentence says it: "workers", "live placements".</summary>
    string Rows { get; }

    /// <summary>The page's own address, where its template is downloaded from.</summary>
    string Address { get; }
}
