using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Connect2Luton.Application;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Connect2Luton.Infrastructure.Tests.SqlServer;

/// <summary>
/// The app wired for SQL Server (Database:Provider=SqlServer) against a server that does not exist: the connection is
/// never opened, each command's text is kept and answered with no rows, and a command run while another command's
/// reader is still open on the same connection is noted, since SQL Server without MARS refuses it.
/// </summary>
internal sealed partial class OfflineSqlServer : IDbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    // A name that never resolves (.invalid is reserved), with a short timeout, should anything try it after all.
    public const string ConnectionString = "Server=tcp:sql.invalid,1433;Database=Connect2Luton;Integrated Security=False;User ID=app;Password=unused;Connect Timeout=1;TrustServerCertificate=True";

    private readonly ConcurrentDictionary<DbConnection, HashSet<DbDataReader>> _open = new();

    public ConcurrentQueue<string> Commands { get; } = new();

    public ConcurrentQueue<string> SecondReaders { get; } = new();

    public ServiceProvider Services(ICurrentUser? user = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "SqlServer",
                ["Database:ConnectionString"] = ConnectionString,
                ["Rules:Directory"] = RuleFiles.RepositoryDirectory,
                ["Rules:WatchFiles"] = "false",
                ["Scheduling:Store"] = "Memory",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(Clocks.Fixed());
        services.AddApplication();
        var environment = new Environment();
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddInfrastructure(configuration, environment);
        services.Replace(ServiceDescriptor.Scoped(_ => user ?? TestUser.Recruiter));
        services.ConfigureDbContext<SqlServerAppDbContext>(o => o.AddInterceptors(this));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Each command kept, parsed as T-SQL: the parser's errors, with the statement they were found in.</summary>
    public IReadOnlyList<string> ParseErrors() => Commands.SelectMany(ParseErrors).ToList();

    public static IEnumerable<string> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}{System.Environment.NewLine}{sql}");
    }

    private void Executing(DbCommand command, DbConnection? connection)
    {
        Commands.Enqueue(command.CommandText);
        if (connection is not null && _open.TryGetValue(connection, out var readers))
        {
            lock (readers)
            {
                if (readers.Count > 0) SecondReaders.Enqueue(command.CommandText);
            }
        }
    }

    private DataTableReader Opened(DbCommand command, DbConnection? connection)
    {
        var reader = Answer(command.CommandText).CreateDataReader();
        if (connection is null) return reader;
        var readers = _open.GetOrAdd(connection, _ => []);
        lock (readers) readers.Add(reader);
        return reader;
    }

    // No rows, except where EF reads exactly one (a count, or whether any match): there a zero, or false.
    private static DataTable Answer(string sql)
    {
        var answer = new DataTable();
        var text = sql.TrimStart();
        if (CountQuery().IsMatch(text))
        {
            answer.Columns.Add("Count", typeof(int));
            answer.Rows.Add(0);
        }
        else if (AnyQuery().IsMatch(text))
        {
            answer.Columns.Add("Any", typeof(bool));
            answer.Rows.Add(false);
        }
        return answer;
    }

    [GeneratedRegex(@"^SELECT COUNT\(\*\)\r?\nFROM ")]
    private static partial Regex CountQuery();

    [GeneratedRegex(@"^SELECT (CASE\s+WHEN EXISTS|CAST\(0 AS bit\)$|CAST\(1 AS bit\)$)")]
    private static partial Regex AnyQuery();

    private void Closed(DbConnection? connection, DbDataReader reader)
    {
        if (connection is null || !_open.TryGetValue(connection, out var readers)) return;
        lock (readers) readers.Remove(reader);
    }

    // SqlCommand takes only a SqlTransaction, and the transactions here are stand-ins: the command is one of our own.
    public InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        InterceptionResult<DbCommand>.SuppressWithResult(new OfflineCommand { Connection = eventData.Connection });

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Executing(command, eventData.Connection);
        return InterceptionResult<DbDataReader>.SuppressWithResult(Opened(command, eventData.Connection));
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Executing(command, eventData.Connection);
        return InterceptionResult<object>.SuppressWithResult(null!);
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Executing(command, eventData.Connection);
        return InterceptionResult<int>.SuppressWithResult(0);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Closed(command.Connection, eventData.DataReader);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(DataReaderClosing(command, eventData, result));

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Closed(command.Connection, eventData.DataReader);
        return result;
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
        InterceptionResult<DbTransaction>.SuppressWithResult(new OfflineTransaction(connection, eventData.IsolationLevel));

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarting(connection, eventData, result));

    public InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult RollingBackToSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> RollingBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ReleasingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Connect2Luton.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    /// <summary>A command that is only ever intercepted: SqlClient's parameters, any transaction, never run.</summary>
    private sealed class OfflineCommand : DbCommand
    {
        private readonly SqlCommand _parameters = new();

        [AllowNull]
        public override string CommandText { get; set; } = string.Empty;
        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get; set; }
        protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;
        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery() => throw new InvalidOperationException("Offline: only interceptors answer.");
        public override object ExecuteScalar() => throw new InvalidOperationException("Offline: only interceptors answer.");
        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqlParameter();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new InvalidOperationException("Offline: only interceptors answer.");

        protected override void Dispose(bool disposing)
        {
            if (disposing) _parameters.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class OfflineTransaction(DbConnection connection, System.Data.IsolationLevel isolationLevel) : DbTransaction
    {
        public override System.Data.IsolationLevel IsolationLevel => isolationLevel;
        protected override DbConnection DbConnection => connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }
}
