using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.Workers;

public sealed class WorkerTests
{
    [Theory]
    [InlineData("lu1 3jh", "LU1 3JH", "LU1")]
    [InlineData("LU13JH", "LU1 3JH", "LU1")]
    [InlineData(" LU4  9AB ", "LU4 9AB", "LU4")]
    [InlineData("MK40 1AA", "MK40 1AA", "MK40")]
    [InlineData("SW1A 1AA", "SW1A 1AA", "SW1A")]
    [InlineData("N17 0AP", "N17 0AP", "N17")]
    [InlineData("LU1\u00a03JH", "LU1 3JH", "LU1")]
    [InlineData("\tLU2\t7AB\r\n", "LU2 7AB", "LU2")]
    public void A_postcode_is_stored_in_its_written_form_with_its_district(string typed, string value, string district)
    {
        var postcode = UkPostcode.Parse(typed);

        postcode.Value.ShouldBe(value);
        postcode.District.ShouldBe(district);
    }

    [Theory]
    [InlineData("")]
    [InlineData("LU1")]
    [InlineData("LU1 3J")]
    [InlineData("LU1 3JHX")]
    [InlineData("QU1 3JH")]
    [InlineData("LU1 3CH")]
    [InlineData("12345")]
    [InlineData("<script>")]
    [InlineData("LU1 3JH'; DROP TABLE Workers;--")]
    public void Anything_that_is_not_a_full_uk_postcode_is_refused(string typed)
    {
        UkPostcode.TryParse(typed, out _).ShouldBeFalse();
    }

    [Fact]
    public void Post_qualified_experience_counts_whole_years_to_the_day()
    {
        var worker = A.Worker().Build();

        worker.PostQualifiedExperienceYears(new DateOnly(2021, 6, 30)).ShouldBe(2);
        worker.PostQualifiedExperienceYears(new DateOnly(2021, 7, 1)).ShouldBe(3);
        worker.PostQualifiedExperienceYears(new DateOnly(2017, 1, 1)).ShouldBe(0);
    }

    [Fact]
    public void A_dbs_certificate_number_is_twelve_digits()
    {
        Should.Throw<DomainRuleException>(() => new DbsCheck(Clocks.Today, DbsLevel.Enhanced, "12345", true))
            .Message.ShouldBe("A DBS certificate number is 12 digits.");
        new DbsCheck(Clocks.Today, DbsLevel.Enhanced, "001234567890", true).CertificateNumber.ShouldBe("001234567890");
    }

    [Fact]
    public void A_right_to_work_permission_is_valid_between_its_check_and_its_expiry()
    {
        var check = new RightToWorkCheck(new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31));

        check.IsValidOn(new DateOnly(2026, 1, 4)).ShouldBeFalse();
        check.IsValidOn(new DateOnly(2026, 12, 31)).ShouldBeTrue();
        check.IsValidOn(new DateOnly(2027, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void A_converted_worker_leaves_the_pool_and_cannot_come_back()
    {
        var worker = A.Worker().InFamily(JobFamily.Housing).Build();

        worker.RecordConversion(Clocks.Today);

        worker.IsActive.ShouldBeFalse();
        Should.Throw<DomainRuleException>(worker.Reactivate).Message.ShouldBe("A worker converted to a permanent post cannot return to the pool.");
    }
}
