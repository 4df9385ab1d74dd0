namespace Connect2Luton.Infrastructure.Policies;

/// <summary>The "Rules" section of configuration.</summary>
public sealed class RulesOptions
{
    public const string Section = "Rules";

    /// <summary>
    /// The folder holding the rule files (and their tests/ folder), relative to the content root. Unset, the app
    /// uses the repository's rules/ folder above it, so officers' edits there are what runs.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Pick up edits to the files without a restart.</summary>
    public bool WatchFiles { get; set; } = true;

    /// <summary>How long to wait after a file changes before reloading it, so a save in several writes is read once.</summary>
    public int ReloadDelayMilliseconds { get; set; } = 300;
}
