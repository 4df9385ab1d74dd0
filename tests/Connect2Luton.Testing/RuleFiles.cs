namespace Connect2Luton.Testing;

/// <summary>The repository's real rule files, and throw-away copies of them for tests that change a file.</summary>
public static class RuleFiles
{
    public static string RepositoryDirectory { get; } = Find();

    /// <summary>A fresh copy of rules/ (with its tests/) in a temporary folder; delete it with <see cref="IDisposable.Dispose"/>.</summary>
    public static RuleFolderCopy Copy()
    {
        var target = Path.Combine(Path.GetTempPath(), "connect2luton-tests", $"rules-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(RepositoryDirectory, "*.json", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(RepositoryDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return new RuleFolderCopy(target);
    }

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "rules", "pay-rate-caps.json"))) folder = folder.Parent;
        return folder is null
            ? throw new InvalidOperationException("The tests run inside the repository, which has a rules/ folder.")
            : Path.Combine(folder.FullName, "rules");
    }
}

public sealed class RuleFolderCopy(string directory) : IDisposable
{
    public string Directory { get; } = directory;

    public string PathOf(string file) => Path.Combine(Directory, file);

    public string Read(string file) => File.ReadAllText(PathOf(file));

    /// <summary>Replaces a file the way careful tools do: write a temporary file, then rename it over the old one.</summary>
    public void Replace(string file, string content)
    {
        var temporary = PathOf(file) + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, PathOf(file), overwrite: true);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
