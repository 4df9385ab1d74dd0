namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// How many rule sets are checked and compiled at once: one fewer than the machine has cores, so officers checking
/// many large drafts at once queue behind each other and leave a core for everyone else. The compiler holds to it,
/// and the rules workspace queues its posts by it.
/// </summary>
public static class RuleCompiles
{
    public static int AtOnce { get; } = Math.Max(1, Environment.ProcessorCount - 1);
}
