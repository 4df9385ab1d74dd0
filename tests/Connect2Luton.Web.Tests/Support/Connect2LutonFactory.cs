using Connect2Luton.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// The real app, on a SQLite file of its own (migrated and seeded by the app's own start-up), with the clock fixed
/// at <see cref="Clocks.Now"/>. One per test class.
/// </summary>
public class Connect2LutonFactory : WebApplicationFactory<Program>
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), "connect2luton-tests", $"web-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = Clocks.Fixed();

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _databaseFile, Pooling = false }.ToString();

    protected virtual string Environment => "Development";

    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [new("Database:SeedDemoData", "true")];

    private readonly Lazy<RuleFolderCopy> _ruleCopy = new(RuleFiles.Copy);

    /// <summary>A factory whose tests save rules says so, and serves a throw-away copy of rules/ instead of the repository's.</summary>
    protected virtual bool ChangesRuleFiles => false;

    /// <summary>The copy of rules/ this app serves, for a factory that <see cref="ChangesRuleFiles"/>.</summary>
    public RuleFolderCopy Rules => ChangesRuleFiles ? _ruleCopy.Value : throw new InvalidOperationException("This app serves the repository's rules/, which tests never change.");

    protected virtual string RulesDirectory => ChangesRuleFiles ? _ruleCopy.Value.Directory : RuleFiles.RepositoryDirectory;

    /// <summary>
    /// An app in Development with the demo data starts from a copy of the database the app's first start leaves
    /// (made once per test run), rather than migrating and seeding its own: the same rows, without paying for them
    /// in every test class. An app that must start from nothing says so.
    /// </summary>
    protected virtual bool StartsFromSeededTemplate => Environment == "Development" && Settings.Contains(new("Database:SeedDemoData", "true"));

    internal string DatabaseFile => _databaseFile;

    /// <summary>
    /// The template holds the rules history its first start recorded, and the database's newest versions serve over
    /// the folder's. An app started as on its first deployment (what is in rules/ is all there is) says so.
    /// </summary>
    protected virtual bool StartsWithRulesHistory => true;

    /// <summary>The template's own app keeps its file when disposed, to be copied.</summary>
    protected virtual bool KeepsDatabase => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databaseFile)!);
        if (StartsFromSeededTemplate) SeededTemplate.CopyTo(_databaseFile);
        if (StartsFromSeededTemplate && !StartsWithRulesHistory) ForgetRulesHistory();
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Rules:Directory", RulesDirectory);
        // The app's own settings turn EF's check on one context used by two threads off for speed; tests keep it, to catch that.
        builder.UseSetting("Database:ThreadSafetyChecks", "true");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    private void ForgetRulesHistory()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM RuleFileVersions";
        delete.ExecuteNonQuery();
    }

    /// <summary>Where the browser reaches the app; Production marks its cookies Secure, so a Production app is reached over HTTPS.</summary>
    protected virtual Uri BaseAddress => new("http://localhost");

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            if (File.Exists(path) && !KeepsDatabase) File.Delete(path);
        }
        if (_ruleCopy.IsValueCreated) _ruleCopy.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}
