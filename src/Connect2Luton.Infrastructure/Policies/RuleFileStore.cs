using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>Where the rule files live and how they are read: rules/NAME.json and rules/tests/NAME.cases.json.</summary>
internal sealed class RuleFileStore
{
    private const int SearchDepth = 5;

    private readonly RuleSetModules _modules;

    public RuleFileStore(IOptions<RulesOptions> options, IHostEnvironment environment, RuleSetModules modules)
    {
        Directory = Resolve(options.Value.Directory, environment.ContentRootPath);
        _modules = modules;
    }

    public string Directory { get; }

    public string TestsDirectory => Path.Combine(Directory, "tests");

    public string PathOf(RuleSetDefinition definition) => Path.Combine(Directory, definition.FileName);

    public string TestCasesPathOf(RuleSetDefinition definition) => Path.Combine(TestsDirectory, definition.TestCasesFileName);

    /// <summary>The rule file and its test cases as text; null for a file that is not there.</summary>
    public (string? Json, string? TestCasesJson) Read(RuleSetDefinition definition) =>
        (ReadIfPresent(PathOf(definition)), ReadIfPresent(TestCasesPathOf(definition)));

    /// <summary>
    /// Replaces a rule file whole: the text goes to a temporary file beside it, which is then renamed over it, so
    /// the watcher, another node or a reader never sees half a file.
    /// </summary>
    public void Write(RuleSetDefinition definition, string json) => Replace(PathOf(definition), json);

    /// <summary>Replaces a rule set's test cases whole, as <see cref="Write"/> does its rules.</summary>
    public void WriteTestCases(RuleSetDefinition definition, string json)
    {
        System.IO.Directory.CreateDirectory(TestsDirectory);
        Replace(TestCasesPathOf(definition), json);
    }

    private static void Replace(string path, string json)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The rule set a changed file belongs to, if it is one of ours.</summary>
    /// <summary>The registered rule set a file in the rules folder belongs to, as its rules or its test cases.</summary>
    public RuleSetDefinition? Owner(string path)
    {
        var name = Path.GetFileName(path);
        return _modules.All.FirstOrDefault(d => name == d.FileName || name == d.TestCasesFileName);
    }

    // How long reading one rule file may take before it counts as unreadable.
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A rule file's text, or null when it is not there or cannot be read. It is read only up to one character past
    /// the longest a rule file may be (which the validator then refuses), and within a time limit: a link to a device
    /// such as /dev/zero never ends and a named pipe blocks until something writes to it, and either would otherwise
    /// hold the rules' lock or keep the app from starting. A read that runs out of time is left to finish on its own.
    /// </summary>
    private static string? ReadIfPresent(string path)
    {
        if (!File.Exists(path)) return null;
        var read = Task.Run(() => ReadBounded(path));
        return read.Wait(ReadTimeout) ? read.Result : null;
    }

    private static string? ReadBounded(string path)
    {
        // A file being replaced can vanish between the check and the read: that reads as "not there".
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[RuleSetCompiler.MaximumFileLength + 1];
            var total = 0;
            int count;
            while (total < buffer.Length && (count = reader.Read(buffer, total, buffer.Length - total)) > 0) total += count;
            return new string(buffer, 0, total);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return null;
        }
    }

    private static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(Path.Combine(contentRoot, configured));
        var folder = new DirectoryInfo(contentRoot);
        for (var depth = 0; folder is not null && depth <= SearchDepth; depth++, folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "rules");
            if (File.Exists(Path.Combine(candidate, RuleSetDefinition.PayRateCaps.FileName))) return candidate;
        }
        return Path.Combine(contentRoot, "rules");
    }
}
