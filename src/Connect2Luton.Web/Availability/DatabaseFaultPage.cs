using Connect2Luton.Infrastructure.Persistence;

namespace Connect2Luton.Web.Availability;

/// <summary>
/// A request that fails because the database cannot be used (locked past the wait, read-only, gone), or because a
/// rule set it needs has never loaded (its file was refused at start), is answered with 503 and the status page
/// saying so in plain words, in every environment: it is not a bug to debug, and the person needs to know their
/// work was not saved. The status page never touches the database or the rules itself.
/// </summary>
public static partial class DatabaseFaultPage
{
    public const string ItemKey = "database-fault";
    public const string RulesItemKey = "rules-unavailable";

    public static WebApplication UseDatabaseFaultPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseFaultPage));
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception error) when (DatabaseFaults.Classify(error) is { } fault && !context.Response.HasStarted)
            {
                LogFault(logger, error, fault.Kind, context.Request.Method, context.Request.Path);
                context.Items[ItemKey] = fault;
                await ShowAsync(context, next);
            }
            catch (Exception error) when (RulesUnavailable(error) is { } rules && !context.Response.HasStarted)
            {
                LogRulesUnavailable(logger, rules.RuleSet, context.Request.Method, context.Request.Path);
                context.Items[RulesItemKey] = rules;
                await ShowAsync(context, next);
            }
        });
        return app;
    }

    // As the framework's exception handler re-executes its error page: the endpoint and route values are cleared so
    // routing matches the status page afresh, and the request is a GET so no form is read or checked again.
    private static async Task ShowAsync(HttpContext context, RequestDelegate next)
    {
        var (path, method) = (context.Request.Path, context.Request.Method);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "60";
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        context.Request.Path = $"/Status/{StatusCodes.Status503ServiceUnavailable}";
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Path = path;
            context.Request.Method = method;
        }
    }

    private static Application.Policies.PolicyUnavailableException? RulesUnavailable(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is Application.Policies.PolicyUnavailableException rules) return rules;
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {RuleSet} rules have never loaded, so {Method} {Path} was answered 503: see the rule file's problems logged at start")]
    private static partial void LogRulesUnavailable(ILogger logger, string? ruleSet, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database could not be used ({Kind}) for {Method} {Path}: answered 503")]
    private static partial void LogFault(ILogger logger, Exception error, DatabaseFaultKind kind, string method, string path);
}
