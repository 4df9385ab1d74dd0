using Connect2Luton.Application;
using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web;
using Connect2Luton.Web.Availability;
using Connect2Luton.Web.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    EnvironmentName = LaunchEnvironment.Default(args, LaunchEnvironment.VariablesOf(Environment.GetEnvironmentVariables())),
});

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

if (VolumeSeedCommand.IsRequested(app.Configuration))
{
    await VolumeSeedCommand.RunAsync(app);
    return;
}

// The rule sets are checked and compiled (about a second of a start) on the other core while the database is
// brought up to date: neither needs the other.
var rulesLoading = Task.Run(() => app.Services.GetRequiredService<IRuleSetCatalogue>().LoadedAsync());

// A database that cannot be used at start is said on every page and retried, never a crash into a restart loop.
if (await app.Services.TryInitialiseDatabaseAsync() is { } fault && !await UnavailableHost.ServeUntilDatabaseReadyAsync(args, app, fault)) return;
await rulesLoading;
app.UseWeb();
await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
