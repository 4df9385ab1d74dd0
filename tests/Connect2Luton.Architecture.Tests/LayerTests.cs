using System.Reflection;
using System.Xml.Linq;

namespace Connect2Luton.Architecture.Tests;

/// <summary>
/// Layers point inward: Web -> Infrastructure -> Application -> Domain. Checked twice: in the project files (what
/// may be referenced) and in the compiled assemblies (what is actually used).
/// </summary>
public sealed class LayerTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Connect2Luton.Domain"] = [],
        ["Connect2Luton.Application"] = ["Connect2Luton.Domain"],
        ["Connect2Luton.Infrastructure"] = ["Connect2Luton.Application", "Connect2Luton.Domain"],
        ["Connect2Luton.Web"] = ["Connect2Luton.Application", "Connect2Luton.Infrastructure", "Connect2Luton.Domain"],
    };

    public static TheoryData<string> Layers => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layer_compiles_against_inner_layers_only(string layer)
    {
        var references = Assembly.Load(layer).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Connect2Luton.", StringComparison.Ordinal));

        references.ShouldBeSubsetOf(Allowed[layer], $"{layer} may only use {string.Join(", ", Allowed[layer].DefaultIfEmpty("nothing of ours"))}");
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layers_project_file_references_inner_layers_only(string layer)
    {
        var project = XDocument.Load(ProjectFile(layer));
        var references = project.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

        references.ShouldBeSubsetOf(Allowed[layer]);
    }

    [Fact]
    public void The_domain_has_no_package_references()
    {
        XDocument.Load(ProjectFile("Connect2Luton.Domain")).Descendants("PackageReference").ShouldBeEmpty();
        Assembly.Load("Connect2Luton.Domain").GetReferencedAssemblies()
            .Select(a => a.Name!)
            .ShouldAllBe(name => name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard");
    }

    [Fact]
    public void The_application_layer_knows_nothing_of_ef_core_or_asp_net()
    {
        Assembly.Load("Connect2Luton.Application").GetReferencedAssemblies()
            .Select(a => a.Name!)
            .ShouldAllBe(name => !name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                && !name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Connect2Luton.Domain.Tests", new[] { "Connect2Luton.Application", "Connect2Luton.Infrastructure", "Connect2Luton.Web" })]
    [InlineData("Connect2Luton.Application.Tests", new[] { "Connect2Luton.Infrastructure", "Connect2Luton.Web" })]
    public void A_layers_tests_are_compiled_against_no_outer_layer(string tests, string[] outer)
    {
        // The compiled test assembly's own references: only what its code actually names is there.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var assembly = Path.Combine(Repository.Root, "tests", tests, "bin", configuration, "net10.0", $"{tests}.dll");
        using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();

        references.ShouldContain(tests.Replace(".Tests", "", StringComparison.Ordinal));
        references.ShouldNotContain(name => outer.Contains(name), $"{tests} names types of an outer layer");
    }

    [Fact]
    public void The_domain_tests_and_the_builders_they_share_never_reach_the_infrastructure()
    {
        // Followed through project references, as the compiler does: a builder that reached for the database would show here.
        var reached = new HashSet<string>();
        var pending = new Stack<string>([Path.Combine(Repository.Root, "tests", "Connect2Luton.Domain.Tests", "Connect2Luton.Domain.Tests.csproj")]);
        while (pending.TryPop(out var project))
        {
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                if (reached.Add(Path.GetFileNameWithoutExtension(path))) pending.Push(path);
            }
        }

        reached.ShouldContain("Connect2Luton.Domain");
        reached.ShouldNotContain("Connect2Luton.Infrastructure");
        reached.ShouldNotContain("Connect2Luton.Web");
    }

    private static string ProjectFile(string layer) => Path.Combine(Repository.Root, "src", layer, $"{layer}.csproj");
}

internal static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Connect2Luton.sln"))) directory = directory.Parent;
            directory.ShouldNotBeNull("the tests run inside the repository");
            return directory.FullName;
        }
    }
}
