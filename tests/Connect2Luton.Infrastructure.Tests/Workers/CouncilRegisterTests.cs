using Connect2Luton.Infrastructure.Workers;

namespace Connect2Luton.Infrastructure.Tests.Workers;

/// <summary>The register of English councils with children's social care that the DfE cooling-off reads regions from.</summary>
public sealed class CouncilRegisterTests
{
    private readonly CouncilRegister _register = new();

    [Fact]
    public void It_holds_every_english_council_with_childrens_social_care_in_its_region()
    {
        _register.Names.Count.ShouldBe(153);
        _register.Find("Luton Borough Council").ShouldBe(("Luton Borough Council", "East of England"));
        _register.Find("Milton Keynes City Council")!.Value.Region.ShouldBe("South East");
        _register.Find("Cumberland Council")!.Value.Region.ShouldBe("North West");
    }

    [Theory]
    [InlineData("Bedford")]
    [InlineData("bedford borough council")]
    [InlineData("  Bedford   Borough Council ")]
    public void A_council_is_found_as_people_write_it(string typed) =>
        _register.Find(typed).ShouldBe(("Bedford Borough Council", "East of England"));

    [Theory]
    [InlineData("Eastern")]
    [InlineData("Dacorum Borough Council")]
    [InlineData("Cardiff Council")]
    public void A_name_not_on_the_register_is_not_given_a_region(string typed) =>
        _register.Find(typed).ShouldBeNull();
}
