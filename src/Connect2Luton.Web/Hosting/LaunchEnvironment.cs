namespace Connect2Luton.Web.Hosting;

/// <summary>
/// The environment <c>dotnet run</c> starts in. A launch profile's environment variables override the shell's, so a
/// profile that set ASPNETCORE_ENVIRONMENT (or DOTNET_ENVIRONMENT, which the web host reads after it) would run
/// <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> as Development: demo data, and demo users with a published
/// password. The profile names only a default, used when neither the shell nor the command line names one.
/// </summary>
public static class LaunchEnvironment
{
    public const string DefaultVariable = "CONNECT2LUTON_DEFAULT_ENVIRONMENT";

    /// <summary>The process's variables looked up as the host looks them up: aspnetcore_environment is ASPNETCORE_ENVIRONMENT.</summary>
    public static Func<string, string?> VariablesOf(System.Collections.IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var byName = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry entry in variables) byName[(string)entry.Key] = entry.Value as string;
        return name => byName.GetValueOrDefault(name);
    }

    /// <summary>The environment to start in when nothing else names one; null to leave it to the host as usual.</summary>
    public static string? Default(IReadOnlyList<string> args, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(variable);
        // The command line takes --environment, /environment and environment=; variables are read as the host reads them.
        var named = !string.IsNullOrEmpty(variable("ASPNETCORE_ENVIRONMENT")) || !string.IsNullOrEmpty(variable("DOTNET_ENVIRONMENT"))
            || args.Any(a => a.TrimStart('-', '/').StartsWith("environment", StringComparison.OrdinalIgnoreCase));
        return named ? null : variable(DefaultVariable) is { Length: > 0 } fallback ? fallback : null;
    }
}
