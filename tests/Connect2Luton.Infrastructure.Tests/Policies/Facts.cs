using Connect2Luton.Application.Policies;
using Connect2Luton.Testing;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>Plausible facts for each rule set, changed with `with` to say what a test is about.</summary>
internal static class Facts
{
    public static PayRateFacts ChildrensSocialWorker(decimal pay = 33.00m, decimal holiday = 3.98m, decimal ni = 4.95m) => new()
    {
        AsOf = Clocks.Today,
        RoleTitle = "Social Worker (Children and Families)",
        JobFamily = "SocialCare",
        NjcGrade = "E",
        DfeRoleType = "SocialWorker",
        IsChildrensServices = true,
        IsInterim = false,
        PayRate = pay,
        HolidayPay = holiday,
        EmployerNationalInsurance = ni,
        EmployerPension = 0m,
        Margin = 5.00m,
        ChargeRate = pay + holiday + ni + 5.00m,
        WeeklyHours = 37m,
        SupplierKind = "LocalSupportingAgency",
    };

    public static LocalPreferenceFacts Worker(string district = "LU2", bool localSupplier = true, string previousCouncil = "") => new()
    {
        AsOf = Clocks.Today,
        PostcodeDistrict = district,
        SupplierKind = localSupplier ? "InHousePool" : "ExternalAgency",
        SupplierIsLocal = localSupplier,
        PreviousCouncil = previousCouncil,
        PreviousCouncilRegion = previousCouncil.Length > 0 ? "East of England" : "",
        MonthsSinceLeftCouncilPost = previousCouncil.Length > 0 ? 24 : 0,
        IsDfeRole = false,
        PostQualifiedYears = 0,
    };

    public static PlacementLengthFacts LivePlacement(int weeks, int months) => new()
    {
        AsOf = Clocks.Today,
        JobFamily = "SocialCare",
        IsInterim = false,
        IsExtension = true,
        StartDate = Clocks.Today.AddDays(-7 * weeks),
        EndDate = Clocks.Today.AddDays(60),
        TotalWeeks = weeks + 9,
        WeeksInPost = weeks,
        MonthsInPost = months,
        AwrWeeks = weeks,
        ApprovedBeyondLimit = false,
    };

    public static ConversionFacts PlacedWorker(int weeks = 20) => new()
    {
        AsOf = Clocks.Today,
        ContinuousWeeks = weeks,
        FeeFreeFrom = Clocks.Today.AddDays(7 * (14 - weeks)),
        RequisitionReason = "VacancyCover",
        IsInterim = false,
        RightToWorkValid = true,
        HasDbs = true,
        DbsMonthsOld = 10,
        RegistrationRequired = true,
        RegistrationValid = true,
        OpenToPermanentJob = true,
    };
}
