using Connect2Luton.Application.Common.Caching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Connect2Luton.Application.Tests.Common;

public sealed class SingleFlightCacheTests
{
    [Fact]
    public async Task An_answer_the_full_cache_refuses_is_still_returned_and_said_once_in_the_log_not_on_every_request()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = 10 });
        var logger = new FakeLogger<SingleFlightCache>();
        var cache = new SingleFlightCache(memory, logger);
        var worked = 0;

        for (var i = 0; i < 3; i++)
            (await cache.GetAsync("large", () => Task.FromResult(++worked), _ => 11, CancellationToken.None)).ShouldBe(worked);
        (await cache.GetAsync("small", () => Task.FromResult(-1), _ => 1, CancellationToken.None)).ShouldBe(-1);
        (await cache.GetAsync("small", () => Task.FromResult(-2), _ => 1, CancellationToken.None)).ShouldBe(-1);

        worked.ShouldBe(3, "an answer not kept is worked out on each request");
        var warnings = logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning).ToList();
        warnings.Count.ShouldBe(1);
        warnings[0].Message.ShouldContain("large");
    }
}
