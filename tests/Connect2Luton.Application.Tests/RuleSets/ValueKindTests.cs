using Connect2Luton.Application.RuleSets.Values;

namespace Connect2Luton.Application.Tests.RuleSets;

/// <summary>
/// Each type of value an officer sets is shown as HR writes it, read back from what people type, bounded, and
/// written in the form the rules read, so what is shown, typed and saved agree.
/// </summary>
public sealed class ValueKindTests
{
    public static TheoryData<string, string?, string, string> Shown => new()
    {
        { "Money", "an hour", "45.00m", "£45.00 an hour" },
        { "Money", "an hour", "12.71m", "£12.71 an hour" },
        { "Money", "a year", "42500m", "£42,500.00 a year" },
        { "Percentage", null, "0.1207m", "12.07%" },
        { "Percentage", null, "0.15m", "15%" },
        { "WholeNumber", "weeks", "26", "26 weeks" },
        { "WholeNumber", "points", "30", "30 points" },
        { "YesNo", null, "true", "Yes" },
        { "PostcodeDistricts", null, "\"LU1, LU2, LU3, LU4\"", "LU1 LU2 LU3 LU4" },
        { "Date", null, "\"2027-04-01\"", "1 April 2027" },
        { "Text", null, "\"Luton Borough Council\"", "Luton Borough Council" },
        { "Choices", "break reasons", "\"Sickness, JuryService\"", "Sickness, Jury service" },
    };

    [Theory]
    [MemberData(nameof(Shown))]
    public void A_value_is_shown_as_HR_writes_it(string type, string? unit, string expression, string inWords)
    {
        var valueType = ValueKinds.Of(type, unit).Type!;

        valueType.InWords(expression).ShouldBe(inWords);
        // What is shown reads back to the same value.
        var written = valueType.Read(valueType.Show(expression)!, "The value").Expression!;
        valueType.Show(written).ShouldBe(valueType.Show(expression));
    }

    public static TheoryData<string, string?, string, string> Typed => new()
    {
        { "Money", "an hour", "£47", "47.00m" },
        { "Money", "an hour", " 47.5 ", "47.50m" },
        { "Money", "a year", "£1,250.50", "1250.50m" },
        { "Money", "an hour", "£47.00 an hour", "47.00m" },
        { "Percentage", null, "12.07%", "0.1207m" },
        { "Percentage", null, "15", "0.15m" },
        { "Percentage", null, "13.8 %", "0.138m" },
        { "WholeNumber", "weeks", "26 weeks", "26" },
        { "WholeNumber", "weeks", "1 week", "1" },
        { "WholeNumber", "months", "6", "6" },
        { "YesNo", null, "No", "false" },
        { "PostcodeDistricts", null, "lu1, LU2  lu3\nLU4 LU1", "\"LU1, LU2, LU3, LU4\"" },
        { "PostcodeDistricts", null, "MK45 EC1A", "\"MK45, EC1A\"" },
        { "Date", null, "1 April 2027", "\"2027-04-01\"" },
        { "Date", null, "1/4/2027", "\"2027-04-01\"" },
        { "Text", null, "  Bedford Borough Council ", "\"Bedford Borough Council\"" },
        { "Text", null, "St Albans City & District (Herts)", "\"St Albans City & District (Herts)\"" },
        { "Choices", "break reasons", "jury service, Sickness", "\"JuryService, Sickness\"" },
        { "Choices", "requisition reasons", "Vacancy cover", "\"VacancyCover\"" },
        { "Choices", "break reasons", " , , ", "\"\"" },
        { "Money", "a year", "£1,250,000", "1250000.00m" },
    };

    [Theory]
    [MemberData(nameof(Typed))]
    public void What_people_type_is_written_as_the_rules_read_it(string type, string? unit, string typed, string expression)
    {
        ValueKinds.Of(type, unit).Type!.Read(typed, "The value").ShouldBe(TypedValue.Written(expression));
    }

    public static TheoryData<string, string?, string, string> Refused => new()
    {
        { "Money", "an hour", "forty-five", "DfE cap for a social worker must be an amount of money, like £45.00" },
        { "Money", "an hour", "-1", "DfE cap for a social worker must be £0.00 or more" },
        { "Money", "an hour", "45.005", "DfE cap for a social worker must be in pounds and pence, like £45.00" },
        { "Money", "an hour", "99999999999", "DfE cap for a social worker must be no more than £10,000,000" },
        { "Money", "an hour", new string('9', 5_000), "DfE cap for a social worker must be an amount of money, like £45.00" },
        { "Money", "an hour", "47,5", "DfE cap for a social worker must be an amount of money, like £45.00: write pence after a point, not a comma" },
        { "Money", "an hour", "4,7,0,0", "DfE cap for a social worker must be an amount of money, like £45.00: write pence after a point, not a comma" },
        { "Percentage", null, "12,5%", "DfE cap for a social worker must be a percentage, like 12.07%: write a decimal point, not a comma" },
        { "WholeNumber", "weeks", "3,0", "DfE cap for a social worker must be a whole number of weeks, like 26 weeks" },
        { "Text", null, "Luton\tBorough", "DfE cap for a social worker can only contain letters, digits, spaces and ' - . , & ( ) /" },
        { "Text", null, "\u200B", "DfE cap for a social worker can only contain letters, digits, spaces and ' - . , & ( ) /" },
        { "Text", null, "Luton \u202EliocnuoC", "DfE cap for a social worker can only contain letters, digits, spaces and ' - . , & ( ) /" },
        { "Text", null, "East of England\U000E0020", "DfE cap for a social worker can only contain letters, digits, spaces and ' - . , & ( ) /" },
        { "Text", null, "Luton\u00A0Borough", "DfE cap for a social worker can only contain letters, digits, spaces and ' - . , & ( ) /" },
        { "Text", null, "Luton\u2028Borough", "DfE cap for a social worker can only contain letters, digits, spaces and ' - . , & ( ) /" },
        { "Text", null, "\u2800", "DfE cap for a social worker can only contain letters, digits, spaces and ' - . , & ( ) /" },
        { "Percentage", null, "12.07.1%", "DfE cap for a social worker must be a percentage, like 12.07%" },
        { "Percentage", null, "12.123456", "DfE cap for a social worker may have at most 4 decimal places, like 12.07%" },
        { "WholeNumber", "weeks", "26.5", "DfE cap for a social worker must be a whole number of weeks, like 26 weeks" },
        { "WholeNumber", "weeks", "26 months", "DfE cap for a social worker must be a whole number of weeks, like 26 weeks" },
        { "YesNo", null, "maybe", "Choose yes or no for DfE cap for a social worker" },
        { "PostcodeDistricts", null, "LU1 Luton", "LUTON is not a postcode district: write each as its first half, like LU1 or MK45" },
        { "PostcodeDistricts", null, " , ", "Enter at least one postcode district for DfE cap for a social worker, like LU1 LU2 LU3 LU4" },
        { "Date", null, "31 February 2027", "DfE cap for a social worker must be a date, like 1 April 2027" },
        { "Date", null, "1 April 2200", "DfE cap for a social worker must be a date from 2000 to 2099" },
        { "Text", null, "Luton\" || true || \"", "DfE cap for a social worker can only contain letters, digits, spaces and ' - . , & ( ) /" },
        { "Choices", "break reasons", "Sickness, Holiday", "Holiday is not one of the break reasons: choose from Other, Sickness, Jury service, Annual leave, Hirer shutdown, Industrial action, Pregnancy or maternity, Family leave" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_is_not_a_value_of_its_type_is_refused_with_a_message_naming_the_value(string type, string? unit, string typed, string message)
    {
        ValueKinds.Of(type, unit).Type!.Read(typed, "DfE cap for a social worker").ShouldBe(TypedValue.Refused(message));
    }

    [Theory]
    [InlineData("Money", "45.00m + 1")]
    [InlineData("Money", "input.PayRate")]
    [InlineData("Percentage", "holidayPayRate")]
    [InlineData("WholeNumber", "26.5")]
    [InlineData("PostcodeDistricts", "\"LU1, Luton\"")]
    [InlineData("Text", "\"a\" + \"b\"")]
    [InlineData("YesNo", "1 == 1")]
    public void An_expression_that_is_not_a_plain_value_of_its_type_is_not_shown_as_one(string type, string expression)
    {
        ValueKinds.Of(type, type is "Money" ? "an hour" : type is "WholeNumber" ? "weeks" : null).Type!.Show(expression).ShouldBeNull();
    }

    [Theory]
    [InlineData("Money", "an afternoon", "A Money value's Unit is one of \"an hour\", \"a week\", \"a year\", not \"an afternoon\".")]
    [InlineData("Choices", "colours", "A Choices value's Unit is one of \"break reasons\", \"requisition reasons\", \"job families\", \"pay points\", not \"colours\".")]
    [InlineData("Percentage", "weeks", "A Percentage value takes no Unit.")]
    [InlineData("Decimal", null, "\"Decimal\" is not a type of value: use one of Money, Percentage, WholeNumber, YesNo, PostcodeDistricts, Date, Text, Choices, or leave Type out for a value worked out from others.")]
    public void A_type_or_unit_the_app_does_not_know_is_refused_with_the_ones_it_does(string type, string? unit, string problem)
    {
        ValueKinds.Of(type, unit).ShouldBe((null, problem));
    }

    [Theory]
    [InlineData("WithinDfeCap", "Within DfE cap")]
    [InlineData("AwrPointNotDueSoon", "AWR point not due soon")]
    [InlineData("PregnancyOrMaternity", "Pregnancy or maternity")]
    [InlineData("GradeHasACap", "Grade has a cap")]
    [InlineData("WithinGradeCapForGradesAtoD", "Within grade cap for grades A to D")]
    [InlineData("InHousePool", "In-house pool")]
    [InlineData("InHousePoolFirst", "In-house pool first")]
    [InlineData("LongRunning", "Long-running")]
    [InlineData("WorkerInHouse", "Worker in-house")]
    [InlineData("LivesInHouseholdOf", "Lives in household of")]
    public void A_code_is_said_in_words(string code, string words)
    {
        CodeWords.Of(code).ShouldBe(words);
    }
}
