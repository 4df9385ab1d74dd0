using System.Text.Encodings.Web;
using Connect2Luton.Infrastructure.Persistence;

namespace Connect2Luton.Web.Availability;

/// <summary>
/// When the database cannot be used at start (locked, read-only, unreachable), the app does not exit into a restart
/// loop: on the same addresses it answers every page with 503 and a page saying why, /health with "Unhealthy", and
/// tries the database again until it can be used. Then it stops and the app proper starts in its place.
/// </summary>
internal static partial class UnavailableHost
{
    /// <summary>Serves the unavailable page until the database can be used (true) or the app is asked to stop (false).</summary>
    public static async Task<bool> ServeUntilDatabaseReadyAsync(string[] args, WebApplication app, DatabaseFault fault)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = app.Environment.ContentRootPath,
            WebRootPath = app.Environment.WebRootPath,
            EnvironmentName = app.Environment.EnvironmentName,
        });
        await using var unavailable = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnavailableHost));
        var current = fault;
        unavailable.UseStaticFiles();
        unavailable.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Path.StartsWithSegments("/health"))
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsJsonAsync(new { status = "Unhealthy", database = current.Kind.ToString() });
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(current));
        });
        await unavailable.StartAsync();

        var every = TimeSpan.FromSeconds(Math.Max(1, app.Configuration.GetValue("Database:RetryEverySeconds", 15)));
        var stopping = unavailable.Lifetime.ApplicationStopping;
        var tries = 0;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(every, stopping);
                if (await app.Services.TryInitialiseDatabaseAsync(stopping) is { } still)
                {
                    current = still;
                    // Said each time, so whoever runs the service sees it is still trying, and why it cannot start.
                    LogStillUnavailable(logger, still.Kind, ++tries, every.TotalSeconds);
                    continue;
                }
                LogReady(logger);
                await unavailable.StopAsync(CancellationToken.None);
                return true;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Asked to stop while waiting for the database.
        }
        await unavailable.StopAsync(CancellationToken.None);
        return false;
    }

    // The layout's frame by hand: nothing here may need the database, the app's services or Razor.
    private static string Page(DatabaseFault fault) => $$"""
        <!DOCTYPE html>
        <html lang="en-GB" class="govuk-template">
        <head>
            <meta charset="utf-8">
            <title>{{UnavailableWords.Heading}} – Connect2Luton</title>
            <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/css/app.css">
        </head>
        <body class="govuk-template__body">
            <header class="govuk-template__header">
                <div class="govuk-generic-header">
                    <div class="govuk-generic-header__container govuk-width-container">
                        <div class="govuk-generic-header__logo">
                            <span class="app-header__logotype">Connect2Luton</span>
                            <span class="app-header__tagline">Temporary staffing for Luton Borough Council</span>
                        </div>
                    </div>
                </div>
            </header>
            <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content">
                    <h1 class="govuk-heading-xl">{{UnavailableWords.Heading}}</h1>
                    <p class="govuk-body">{{HtmlEncoder.Default.Encode(UnavailableWords.Advice(fault))}}</p>
                    <p class="govuk-body">The service is trying the database again and will be back by itself as soon as it can be used.</p>
                </main>
            </div>
        </body>
        </html>
        """;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database still cannot be used ({Kind}) on try {Tries}: trying again in {Seconds} s")]
    private static partial void LogStillUnavailable(ILogger logger, DatabaseFaultKind kind, int tries, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database can be used again: starting the app")]
    private static partial void LogReady(ILogger logger);
}
