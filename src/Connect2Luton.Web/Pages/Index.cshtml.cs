using Connect2Luton.Application.Dashboard;
using Connect2Luton.Application.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages;

/// <summary>
/// The workforce at a glance, and what it costs and saves: committed spend, the in-house agency's saving against
/// external margins and the conversions' saving, each linking to the report it comes from.
/// </summary>
public sealed class IndexModel(DashboardQueries dashboard, SpendReport spend, ConversionsReport conversions, ReportScope scope, Application.SignOffs.SignOffQueries signOffs,
    DashboardTimesheets timesheets) : PageModel
{
    /// <summary>Last week's hours not sent and the weeks waiting approval; null for someone who does not see timesheets.</summary>
    public TimesheetFigures? Timesheets { get; private set; }

    /// <summary>How many sign-offs wait for the posts the user holds; null for someone who holds none.</summary>
    public int? AwaitingSignOff { get; private set; }

    public DashboardFigures Figures { get; private set; } = null!;

    public SpendSummary Spend { get; private set; } = null!;

    public ConversionSavings Conversions { get; private set; } = null!;

    /// <summary>A hiring manager's money figures are their own service's.</summary>
    public bool OwnServiceOnly => scope.IsOwnServiceOnly;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await dashboard.GetAsync(cancellationToken);
        AwaitingSignOff = await signOffs.AwaitingCountAsync(cancellationToken);
        Spend = await spend.SummaryAsync(cancellationToken);
        Conversions = await conversions.SavingsAsync(cancellationToken);
        Timesheets = await timesheets.GetAsync(cancellationToken);
    }
}
