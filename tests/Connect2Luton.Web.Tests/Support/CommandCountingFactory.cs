using System.Collections.Concurrent;
using System.Data.Common;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// The real app, counting the SQL commands each request sends to the database: a request sent with a
/// <see cref="CommandCounter.Header"/> is counted under the header's value; background work is not.
/// </summary>
public sealed class CommandCountingFactory : Connect2LutonFactory
{
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteAppDbContext>((provider, options) =>
            options.AddInterceptors(Commands.For(provider.GetRequiredService<IHttpContextAccessor>()))));
    }
}

public sealed class CommandCounter
{
    public const string Header = "X-Count-Commands-As";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new(StringComparer.Ordinal);

    /// <summary>The commands counted under a name, in the order they ran.</summary>
    public IReadOnlyList<string> Of(string name) => _commands.TryGetValue(name, out var commands) ? [.. commands] : [];

    internal DbCommandInterceptor For(IHttpContextAccessor http) => new Counting(this, http);

    private void Count(IHttpContextAccessor http, DbCommand command)
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } name)
            _commands.GetOrAdd(name, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
    }

    private sealed class Counting(CommandCounter counter, IHttpContextAccessor http) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            counter.Count(http, command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            counter.Count(http, command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            counter.Count(http, command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            counter.Count(http, command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            counter.Count(http, command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            counter.Count(http, command);
            return ValueTask.FromResult(result);
        }
    }
}
