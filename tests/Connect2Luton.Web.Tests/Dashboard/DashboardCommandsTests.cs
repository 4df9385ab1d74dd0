using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Dashboard;

/// <summary>The page everyone lands on, counted in SQL commands: what it costs the database whatever the volume.</summary>
public sealed class DashboardCommandsTests(CommandCountingFactory factory) : IClassFixture<CommandCountingFactory>
{
    [Theory]
    [InlineData("recruiter@connect2luton.local")]
    [InlineData("manager@connect2luton.local")]
    public async Task A_dashboard_view_after_placements_requisitions_and_prompts_change_runs_at_most_five_commands_and_a_view_of_nothing_changed_one_the_session_check(string email)
    {
        var client = await factory.SignedInAsAsync(email);
        await ViewAsync(client, $"{email} first");

        await TouchAsync();
        var afterChanges = await ViewAsync(client, $"{email} after changes");
        var unchanged = await ViewAsync(client, $"{email} unchanged");

        afterChanges.Count.ShouldBeLessThanOrEqualTo(5, string.Join(Environment.NewLine + Environment.NewLine, afterChanges));
        unchanged.Count.ShouldBeLessThanOrEqualTo(1, string.Join(Environment.NewLine + Environment.NewLine, unchanged));
    }

    private async Task<IReadOnlyList<string>> ViewAsync(HttpClient client, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add(CommandCounter.Header, name);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return factory.Commands.Of(name);
    }

    // A placement, a requisition and a prompt saved through the app's own context, so every cached figure of theirs is worked out again.
    private async Task TouchAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var placement = await db.Placements.FirstAsync(p => p.Status == PlacementStatus.Active);
        db.Entry(placement).Property(p => p.WeeklyHours).IsModified = true;
        var requisition = await db.Requisitions.FirstAsync(r => r.Status == RequisitionStatus.Open);
        db.Entry(requisition).Property(r => r.Title).IsModified = true;
        // The demo data has prompts only once the nightly job has run; with none, the prompts' counter is moved by hand.
        if (await db.Set<ConversionPrompt>().FirstOrDefaultAsync() is { } prompt) db.Entry(prompt).Property(p => p.RaisedOn).IsModified = true;
        else scope.ServiceProvider.GetRequiredService<Application.Common.Caching.ChangeCounters>().Changed(typeof(ConversionPrompt));
        await db.SaveChangesAsync();
    }
}
