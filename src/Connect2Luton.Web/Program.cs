using Connect2Luton.Application;
using Connect2Luton.Infrastructure;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddWeb();

var app = builder.Build();

if (VolumeSeedCommand.IsRequested(app.Configuration))
{
    await VolumeSeedCommand.RunAsync(app);
    return;
}

await app.Services.InitialiseDatabaseAsync();
app.UseWeb();
await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
