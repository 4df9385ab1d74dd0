using Connect2Luton.Application.Dashboard;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages;

public sealed class IndexModel(DashboardQueries dashboard) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Figures = await dashboard.GetAsync(cancellationToken);
}
