using System.Threading.RateLimiting;

namespace Connect2Luton.Web.Rules;

/// <summary>
/// Every post in the rules workspace checks or compiles a draft, which takes a core for up to the compiler's budget.
/// They wait their turn here, asynchronously, before they reach the compiler: one at a time for each officer and no
/// more at once than the compiler runs, so a session posting many drafts at once holds no request threads while it
/// waits, and the rest of the app keeps its threads and a core. A post with no room in the queue is turned away at
/// once with the busy page (429); nothing has changed.
/// </summary>
internal static class RuleCheckQueue
{
    /// <summary>Posts queued for the compiler across all officers, beyond the ones running.</summary>
    private const int Waiting = 16;

    public static IServiceCollection AddRuleCheckQueue(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsRuleDraftPost(context)
                    ? RateLimitPartition.GetConcurrencyLimiter($"officer {context.User.Identity?.Name}", _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 1 })
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsRuleDraftPost(context)
                    ? RateLimitPartition.GetConcurrencyLimiter("compiler", _ => new ConcurrencyLimiterOptions { PermitLimit = Infrastructure.Policies.RuleCompiles.AtOnce, QueueLimit = Waiting })
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            // No body: the status pages say what a 429 means in words.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });

    private static bool IsRuleDraftPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/Rules", StringComparison.OrdinalIgnoreCase);
}
