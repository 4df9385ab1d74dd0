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
public sealed class DetailsModel(WorkerQueries queries, WorkerSignIns signIns, IOptions<Infrastructure.Identity.SignInSettings> signInOptions, TimeProvider clock) : PageModel
{
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
