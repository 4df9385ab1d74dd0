using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Imports;
using Connect2Luton.Domain.Imports;
using Microsoft.AspNetCore.Authorization;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Connect2Luton.Web.Pages.Admin.Import;

/// <summary>
/// Bringing live placements in from a CSV file: the template, what each column takes, and the upload. The request may be
/// larger than a file may be (<see cref="ImportFile.MostRequestBytes"/>), so a file that is too large is read to
/// its end and refused with the limit on this page, rather than cut off by the server with an error page.
/// </summary>
[Authorize(Policy = Permissions.ImportData)]
[RequestSizeLimit(ImportFile.MostRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFile.MostRequestBytes)]
[RefuseLargerThan(ImportFile.MostRequestBytes)]
public sealed class PlacementsModel(DataImports imports, ImportGuides guides) : ImportUploadPage(imports, guides, ImportKind.Placements)
{
    public override string Rows => "live placements";

    public override string Address => "/Admin/Import/Placements";
}
