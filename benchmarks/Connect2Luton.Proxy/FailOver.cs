using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Connect2Luton.Proxy;

/// <summary>
/// Runs the rest of the proxy's pipeline (choosing a node, forwarding) and, when the node chosen never answered,
/// either sends a GET or HEAD to another node or answers with a page that says what happened.
/// </summary>
internal static partial class FailOver
{
    public static async Task SendAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        // Taken before choosing: load balancing narrows the feature's list to the one node it chose.
        var available = proxy.AvailableDestinations;
        var tried = new List<DestinationState>();
        while (true)
        {
            await next();
            if (context.GetForwarderErrorFeature() is not { } error) return;
            var failed = proxy.ProxiedDestination;
            if (failed is not null) tried.Add(failed);
            var others = available.Where(d => !tried.Contains(d)).ToList();
            // Only a failure to connect or to get the answer's headers leaves nothing sent back; a request whose
            // answer had begun, or that was slow rather than refused, is not sent twice.
            if (error.Error == ForwarderError.Request && IsRead(context.Request.Method) && !context.Response.HasStarted && others.Count > 0)
            {
                var logger = Logger(context);
                if (logger.IsEnabled(LogLevel.Information)) LogSentElsewhere(logger, context.Request.Method, context.Request.Path, failed?.DestinationId);
                context.Features.Set<IForwarderErrorFeature>(null);
                context.Response.Clear();
                proxy.AvailableDestinations = others;
                proxy.ProxiedDestination = null;
                continue;
            }
            await AnswerAsync(context, error.Error, failed?.DestinationId);
            return;
        }
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    /// <summary>The proxy's own answer, unless part of the node's had gone out already (then the connection just ends).</summary>
    private static async Task AnswerAsync(HttpContext context, ForwarderError error, string? node)
    {
        LogNotAnswered(Logger(context), context.Request.Method, context.Request.Path, node, error);
        if (context.Response.HasStarted) return;
        var (status, what) = error switch
        {
            ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, "no server of Connect2Luton is answering just now"),
            ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, $"the server that took it ({node}) did not answer in time"),
            _ => (StatusCodes.Status502BadGateway, $"the server that took it ({node}) stopped before answering"),
        };
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.Headers[NodeProxy.FailureHeader] = error.ToString();
        context.Response.ContentType = "text/plain; charset=utf-8";
        var saved = IsRead(context.Request.Method) ? "Nothing was changed: try again." : "It may or may not have been saved: look before sending it again.";
        await context.Response.WriteAsync($"Your request was not answered: {what}. {saved}\n");
    }

    private static ILogger Logger(HttpContext context) => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FailOver));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}: {Node} did not answer; sent to another node")]
    private static partial void LogSentElsewhere(ILogger logger, string method, PathString path, string? node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: not answered ({Node}, {Error})")]
    private static partial void LogNotAnswered(ILogger logger, string method, PathString path, string? node, ForwarderError error);
}
