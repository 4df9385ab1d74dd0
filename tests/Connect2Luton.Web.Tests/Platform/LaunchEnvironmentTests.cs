using System.Text.Json;
using Connect2Luton.Testing;
using Connect2Luton.Web.Hosting;

namespace Connect2Luton.Web.Tests.Platform;

/// <summary>
/// <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> runs as Production: the launch profile gives Development only
/// where nothing else names an environment, so demo users never appear in a Production run.
/// </summary>
public sealed class LaunchEnvironmentTests
{
    private static readonly Dictionary<string, string> Profile = ProfileVariables();

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT", "Production")]
    [InlineData("aspnetcore_environment", "Production")]
    [InlineData("DOTNET_environment", "Staging")]
    public void An_environment_named_in_the_shell_wins_over_the_launch_profile(string variable, string environment)
    {
        var shell = new System.Collections.Hashtable(Profile) { [variable] = environment };

        LaunchEnvironment.Default([], LaunchEnvironment.VariablesOf(shell)).ShouldBeNull("the host then reads the shell's own setting");
    }

    [Theory]
    [InlineData("--environment", "Production")]
    [InlineData("/environment", "Production")]
    [InlineData("environment=Production", "--urls")]
    [InlineData("--environment=Production", "--urls")]
    public void An_environment_named_on_the_command_line_wins_over_the_launch_profile(string first, string second) =>
        LaunchEnvironment.Default([first, second], Profile.GetValueOrDefault).ShouldBeNull();

    [Fact]
    public void With_nothing_named_dotnet_run_starts_in_development_and_the_profile_names_no_environment_the_host_reads_itself()
    {
        LaunchEnvironment.Default([], Profile.GetValueOrDefault).ShouldBe("Development");
        Profile.Keys.ShouldNotContain("ASPNETCORE_ENVIRONMENT");
        Profile.Keys.ShouldNotContain("DOTNET_ENVIRONMENT");
    }

    private static Dictionary<string, string> ProfileVariables()
    {
        var file = Path.Combine(Path.GetDirectoryName(RuleFiles.RepositoryDirectory)!, "src", "Connect2Luton.Web", "Properties", "launchSettings.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(file));
        return settings.RootElement.GetProperty("profiles").EnumerateObject().Single().Value.GetProperty("environmentVariables")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
