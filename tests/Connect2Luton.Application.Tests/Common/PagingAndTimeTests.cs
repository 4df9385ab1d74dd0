using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Testing;

namespace Connect2Luton.Application.Tests.Common;

public sealed class PagingAndTimeTests
{
    [Theory]
    [InlineData(0, 25, 1, 25)]
    [InlineData(-5, 0, 1, 1)]
    [InlineData(3, 10_000, 3, 100)]
    public void A_page_typed_into_the_address_bar_is_brought_into_range(int page, int size, int expectedPage, int expectedSize)
    {
        var request = new PageRequest(page, size);

        request.Page.ShouldBe(expectedPage);
        request.Size.ShouldBe(expectedSize);
    }

    [Fact]
    public void A_paged_result_knows_its_neighbours()
    {
        var result = new PagedResult<int>([1, 2], Page: 2, PageSize: 2, TotalCount: 5);

        result.PageCount.ShouldBe(3);
        result.HasPrevious.ShouldBeTrue();
        result.HasNext.ShouldBeTrue();
    }

    [Fact]
    public void Today_is_the_date_in_london_not_on_the_server()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
        Clocks.Fixed(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)).Today().ShouldBe(new DateOnly(2026, 7, 1));
        Clocks.Fixed(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)).Today().ShouldBe(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public void An_include_must_name_a_navigation()
    {
        var spec = () => new IncludesAMethodCall();

        spec.ShouldThrow<ArgumentException>().Message.ShouldStartWith("An include must name navigation properties");
    }

    private sealed class IncludesAMethodCall : Specification<Placement>
    {
        public IncludesAMethodCall() => Query.Include(p => p.Extensions.ToList());
    }
}
