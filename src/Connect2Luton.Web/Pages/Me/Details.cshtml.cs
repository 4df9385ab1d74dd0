using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Workers.OwnRecord;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Me;

/// <summary>A worker keeps their own phone number and postcode up to date, and says whether they want a permanent job.</summary>
[Authorize(Policy = Permissions.KeepOwnWorkerRecord)]
public sealed class DetailsModel(OwnWorkerRecord record) : PageModel
{
    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Done { get; set; }

    public OwnRecordView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await record.ViewAsync(cancellationToken) is not { } view) return NotFound();
        View = view;
        Version = view.Version;
        Input = new DetailsForm { Phone = view.Phone, Postcode = view.Postcode, OpenToPermanentJob = view.OpenToPermanentJob };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await record.ViewAsync(cancellationToken) is not { } view) return NotFound();
        View = view;
        var result = await record.UpdateDetailsAsync(Version, new OwnDetailsInput(Input.Phone, Input.Postcode, Input.OpenToPermanentJob), cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            Done = "Your details are saved";
            return RedirectToPage();
        });
    }

    public sealed class DetailsForm
    {
        public string? Phone { get; set; }
        public string? Postcode { get; set; }
        public bool OpenToPermanentJob { get; set; }
    }
}
