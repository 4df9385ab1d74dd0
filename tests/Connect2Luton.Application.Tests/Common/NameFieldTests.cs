using Connect2Luton.Application.Common.Results;

namespace Connect2Luton.Application.Tests.Common;

/// <summary>
/// A name people pick from lists must show as something: blank "letters" and hidden marks are refused, and a real
/// name written in characters outside the Basic Multilingual Plane (stored as pairs of halves) is not.
/// </summary>
public sealed class NameFieldTests
{
    [Theory]
    [InlineData("\u3164")] // Hangul filler
    [InlineData("\u2800")] // braille blank
    [InlineData("\u115F\u1160")] // Hangul choseong and jungseong fillers
    [InlineData("Ann\u200Be")] // zero-width space
    [InlineData("\U000F0041")] // private use, outside the Basic Multilingual Plane
    public void A_name_with_a_character_that_prints_as_nothing_is_refused(string name)
    {
        var errors = new FieldErrors();

        errors.Name("LastName", name, 100, "The last name");

        errors.All["LastName"].ShouldBe("The last name must not contain hidden characters");
    }

    [Theory]
    [InlineData("\U00020BB7\u7530")] // 𠮷田, a Japanese surname
    [InlineData("O'Brien-Ní Bhriain")]
    public void A_real_name_is_accepted_whatever_plane_its_letters_are_in(string name)
    {
        var errors = new FieldErrors();

        errors.Name("LastName", name, 100, "The last name");

        errors.Has("LastName").ShouldBeFalse();
    }
}
