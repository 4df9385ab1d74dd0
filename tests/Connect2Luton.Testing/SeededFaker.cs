using Bogus;

namespace Connect2Luton.Testing;

/// <summary>
/// A Bogus Faker for each builder call, seeded from a counter. One Faker shared by tests running in parallel is a
/// Random shared across threads (not safe, and it can start returning zeros); each call having its own seed keeps the
/// values plausible, different from each other and the same from one run to the next for the same sequence of calls.
/// </summary>
internal static class SeededFaker
{
    public const int Seed = 20_261_205;

    private static int _calls;

    public static Faker Next() => new("en_GB") { Random = new Randomizer(Seed + Interlocked.Increment(ref _calls)) };
}
