using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Faults;

/// <summary>
/// The app as its own process, as a server runs it (the build's Connect2Luton.Web.dll under dotnet, on a free
/// loopback port, on a SQLite file), so a test can kill it outright and start it again on the same database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The app's own build output, beside this test's: the same configuration (Debug or Release).</summary>
    private static string AppDirectory
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(Path.GetDirectoryName(RuleFiles.RepositoryDirectory)!, "src", "Connect2Luton.Web", "bin", configuration, "net10.0");
        }
    }

    /// <summary>Runs the app with the given arguments to its end (a command such as --seed-volume), failing on a non-zero exit.</summary>
    public static async Task RunToEndAsync(string databaseFile, IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(databaseFile, settings, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        process.ExitCode.ShouldBe(0, await output + await errors);
    }

    /// <summary>
    /// Starts the app and waits until it says it is listening (the app proper, or the page that answers while the
    /// database cannot be used): its own log line, not a poll.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string databaseFile, IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null, Uri? address = null)
    {
        address ??= new Uri($"http://127.0.0.1:{FreePort()}");
        var process = Process.Start(StartInfo(databaseFile, settings, ["--urls", address.ToString()]))!;
        var app = new AppProcess(process, address);
        var listening = app.WaitForLogAsync(Listening, timeout ?? TimeSpan.FromMinutes(2));
        process.OutputDataReceived += (_, line) => app.Append(line.Data);
        process.ErrorDataReceived += (_, line) => app.Append(line.Data);
        process.Exited += (_, _) => app.Exited();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening;
            return app;
        }
        catch (ShouldAssertException)
        {
            await app.DisposeAsync();
            throw new ShouldAssertException($"The app did not start:\n{app.Log}");
        }
    }

    /// <summary>What ASP.NET Core logs once a host is listening on its addresses.</summary>
    public const string Listening = "Now listening on:";

    /// <summary>
    /// Waits until the app logs a line containing <paramref name="text"/> (or has logged it already); fails with the
    /// log if the app exits first or the time runs out.
    /// </summary>
    public Task WaitForLogAsync(string text, TimeSpan timeout) => WaitForLogAsync(text, 1, timeout);

    /// <summary>Waits until the app has logged <paramref name="times"/> lines containing <paramref name="text"/>.</summary>
    public Task WaitForLogAsync(string text, int times, TimeSpan timeout) =>
        WaitForLogAsync(line => line.Contains(text, StringComparison.Ordinal), $"\"{text}\" {times} time(s)", times, timeout);

    /// <summary>Waits until the app has logged <paramref name="times"/> lines that match.</summary>
    public async Task WaitForLogAsync(Func<string, bool> matches, string what, int times, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var waiter = new LogWaiter(matches, what, times);
        lock (_log)
        {
            waiter.Seen = _log.ToString().Split('\n').Count(matches);
            if (waiter.Seen >= times) return;
            if (_exited) throw new ShouldAssertException($"The app exited before logging {what}:\n{_log}");
            _waiters.Add(waiter);
        }
        try
        {
            await waiter.Done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new ShouldAssertException($"The app did not log {what} in {timeout.TotalSeconds:0} s:\n{Log}");
        }
        finally
        {
            lock (_log) _waiters.Remove(waiter);
        }
    }

    private sealed class LogWaiter(Func<string, bool> matches, string what, int times)
    {
        public Func<string, bool> Matches { get; } = matches;
        public string What { get; } = what;
        public int Times { get; } = times;
        public int Seen { get; set; }
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly List<LogWaiter> _waiters = [];
    private bool _exited;

    private void Exited()
    {
        lock (_log)
        {
            _exited = true;
            foreach (var waiter in _waiters) waiter.Done.TrySetException(new ShouldAssertException($"The app exited before logging {waiter.What}:\n{_log}"));
        }
    }

    /// <summary>A browser-like client: its own cookies, redirects not followed.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<HttpClient> SignedInAsAsync(string email)
    {
        var client = Browser();
        var page = await client.GetPageAsync("/Account/SignIn");
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Browsing.DemoPassword }, "/Account/SignIn");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email}");
        return client;
    }

    /// <summary>What a power cut or an out-of-memory kill does: SIGKILL, no shutdown, nothing flushed by the app.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _log.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => w.Matches(line)))
            {
                if (++waiter.Seen >= waiter.Times) waiter.Done.TrySetResult();
            }
        }
    }

    private static ProcessStartInfo StartInfo(string databaseFile, IReadOnlyDictionary<string, string> settings, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Path.GetDirectoryName(RuleFiles.RepositoryDirectory)!, "src", "Connect2Luton.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppDirectory, "Connect2Luton.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={databaseFile}";
        start.Environment["Rules__Directory"] = RuleFiles.RepositoryDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // "Now listening on" is how a test knows the app is up (StartAsync).
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
