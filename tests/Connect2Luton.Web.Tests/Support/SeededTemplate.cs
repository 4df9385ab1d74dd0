namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// The database the app's first start leaves in Development (migrated, demo data and demo users seeded, the rule
/// files' first versions recorded, the scheduler's tables made), made once per test run by starting the app once.
/// </summary>
internal static class SeededTemplate
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyTo(string databaseFile)
    {
        var template = Template.Value;
        File.Copy(template, databaseFile, overwrite: true);
        if (File.Exists(template + "-wal")) File.Copy(template + "-wal", databaseFile + "-wal", overwrite: true);
    }

    private static string Create()
    {
        var factory = new TemplateFactory();
        try
        {
            // Asking for the services builds and starts the app: it migrates and seeds before it would answer.
            _ = factory.Services;
        }
        finally
        {
            // Stopped and disposed before copying, so every connection is closed and the file is whole.
            factory.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return factory.DatabaseFile;
    }

    private sealed class TemplateFactory : Connect2LutonFactory
    {
        protected override bool StartsFromSeededTemplate => false;

        protected override bool KeepsDatabase => true;
    }
}
