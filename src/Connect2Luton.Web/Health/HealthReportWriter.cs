using System.Text.Json;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Web.Health;

/// <summary>
/// /health as JSON: the overall state and each check's (database, scheduler), without internals; which server
/// answered, and the version of each rule set it serves, so whoever runs several can see they agree.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var services = context.RequestServices;
        var served = services.GetRequiredService<ServedRuleVersions>();
        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var checks = services.GetRequiredService<ClusterCheckFigures>();
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            node = cluster.Name,
            rules = services.GetRequiredService<IRuleSetCatalogue>().Current.ToDictionary(
                s => s.Name,
                s => new { version = served.NumberServing(s.Name), hash = s.ServingVersion is { } hash ? Words.ShortVersion(hash) : null }),
            // How this server keeps up with the others: how often it looks, what a look costs, and whether the last one could.
            clusterCheck = new
            {
                everyMilliseconds = cluster.CheckIntervalMilliseconds,
                checks.Checks,
                checks.Failures,
                meanMilliseconds = Math.Round(checks.MeanMilliseconds, 2),
                checks.LastAt,
                checks.LastSucceeded,
            },
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
