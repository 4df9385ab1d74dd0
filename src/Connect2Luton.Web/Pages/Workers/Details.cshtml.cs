using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Workers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Connect2Luton.Web.Forms;

namespace Connect2Luton.Web.Pages.Workers;

[Authorize(Policy = Permissions.ManageWorkers)]
public sealed class DetailsModel(WorkerQueries queries, WorkerSignIns signIns, WeeklyLimitOptOut optOut, IOptions<Infrastructure.Identity.SignInSettings> signInOptions, TimeProvider clock) : PageModel
{
    /// <summary>The day the worker signed an opt-out of the 48-hour week, as typed.</summary>
    [BindProperty]
    public OptOutForm OptOut { get; set; } = new();

    /// <summary>The worker's version when the page was read, for the opt-out.</summary>
    [BindProperty]
    public int WorkerVersion { get; set; }

    /// <summary>Records the worker's signed opt-out of the 48-hour weekly limit.</summary>
    public async Task<IActionResult> OnPostOptOutAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } worker) return NotFound();
        Worker = worker;
        Account = await signIns.AccountOfAsync(id, cancellationToken);
        var signedOn = ModelState.Date("OptOut.SignedOn", OptOut.SignedOn, "The date they signed");
        return Answer(await optOut.RecordAsync(id, WorkerVersion, signedOn, cancellationToken), "Working time opt-out recorded", id);
    }

    /// <summary>Records that the worker has withdrawn their opt-out: timesheets over 48 hours are refused again.</summary>
    public async Task<IActionResult> OnPostWithdrawOptOutAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } worker) return NotFound();
        Worker = worker;
        Account = await signIns.AccountOfAsync(id, cancellationToken);
        return Answer(await optOut.WithdrawAsync(id, WorkerVersion, cancellationToken), "Working time opt-out recorded as withdrawn", id);
    }

    private IActionResult Answer(Application.Common.Results.CommandResult result, string done, int id)
    {
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded && ModelState.IsValid)
        {
            Done = done;
            return RedirectToPage(new { id });
        }
        ModelState.AddRefusal(result, "OptOut");
        return Page();
    }

    public sealed class OptOutForm
    {
        public DateInput SignedOn { get; set; } = new();
    }
    public WorkerView Worker { get; private set; } = null!;

    /// <summary>The worker's own sign-in, if they have been given one.</summary>
    public Application.Users.UserAccount? Account { get; private set; }

    /// <summary>The link to set a password, just made, for the recruiter to hand over.</summary>
    public string? SetPasswordLink { get; private set; }

    /// <summary>Whether people sign in here with passwords (else through the council's provider, which needs no link).</summary>
    public bool LocalAccounts => signInOptions.Value.LocalAccounts;

    public DateOnly Today => clock.Today();

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } worker) return NotFound();
        Worker = worker;
        Account = await signIns.AccountOfAsync(id, cancellationToken);
        WorkerVersion = worker.Version;
        return Page();
    }

    /// <summary>Gives the worker their own sign-in (or a new link for the one they have) and shows the link to hand over.</summary>
    public async Task<IActionResult> OnPostSignInAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } worker) return NotFound();
        Worker = worker;
        var (result, accountId, token) = await signIns.GiveAsync(id, cancellationToken);
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        Account = await signIns.AccountOfAsync(id, cancellationToken);
        if (!result.Succeeded || accountId is null)
        {
            ModelState.AddRefusal(result);
            return Page();
        }
        if (LocalAccounts && token is not null)
            SetPasswordLink = $"{Request.Scheme}://{Request.Host}/Account/ResetPassword?user={Uri.EscapeDataString(accountId)}&token={Uri.EscapeDataString(token)}";
        return Page();
    }
}
