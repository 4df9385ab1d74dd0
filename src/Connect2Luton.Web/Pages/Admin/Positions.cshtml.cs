using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.SignOffs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin;

/// <summary>The posts the rules name as signing off exceptions, and who holds each and deputises.</summary>
[Authorize(Policy = Permissions.ManageSignOffPositions)]
public sealed class PositionsModel(SignOffPositions positions) : PageModel
{
    public IReadOnlyList<PositionRow> Posts { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Posts = await positions.ListAsync(cancellationToken);
}
