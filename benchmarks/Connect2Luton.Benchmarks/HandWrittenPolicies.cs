using System.Globalization;
using Connect2Luton.Application.Policies;

namespace Connect2Luton.Benchmarks;

/// <summary>
/// The default rules of rules/ written out in plain C#: the baseline the rules engine is measured against. It
/// returns the same kind of decision (outcome, verdicts with their messages written only when read, figures) so
/// the comparison is of deciding, not of what is returned. The numbers mirror the shipped rule files and exist
/// here only to measure; the app reads them from the files.
/// </summary>
internal static class HandWrittenPolicies
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static PolicyDecision PayRate(PayRateFacts f)
    {
        const decimal nationalLivingWage = 12.71m;
        var verdicts = new List<RuleVerdict>(3);
        var figures = new Dictionary<string, object?>(StringComparer.Ordinal) { ["nationalLivingWage"] = nationalLivingWage };
        var worst = 0;

        var aboveFloor = f.PayRate >= nationalLivingWage;
        verdicts.Add(new RuleVerdict("AtLeastNationalLivingWage", aboveFloor, "Refused", null, null,
            () => string.Create(Uk, $"£{f.PayRate:0.00} an hour against the National Living Wage of £{nationalLivingWage:0.00}.")));
        if (!aboveFloor) worst = 2;

        var childrens = f.IsChildrensServices && f.DfeRoleType.Length > 0;
        if (childrens)
        {
            var cap = f.DfeRoleType switch
            {
                "SocialWorker" => 45.00m,
                "SeniorSocialWorker" => 50.00m,
                "AdvancedPractitioner" => 54.00m,
                "TeamManager" => 60.00m,
                _ => 56.00m,
            };
            var measured = f.PayRate + f.HolidayPay + f.EmployerNationalInsurance;
            var within = measured <= cap;
            verdicts.Add(new RuleVerdict("WithinDfeCap", within, "NeedsException", null, "Director of Children's Services; Chief Executive",
                () => string.Create(Uk, $"£{measured:0.00} an hour against the DfE cap of £{cap:0.00}.")) { Cap = cap, Measured = measured });
            figures["dfeCap"] = cap;
            figures["dfeCappedRate"] = measured;
            if (!within) worst = Math.Max(worst, 1);
        }
        else
        {
            var cap = f.NjcGrade switch
            {
                "A" or "B" or "C" => 19.50m,
                "D" => 24.00m,
                "E" => 36.00m,
                "F" => 42.00m,
                "G" => 48.00m,
                "H" => 62.00m,
                "JNC" => 90.00m,
                _ => 0m,
            };
            var lower = f.NjcGrade is "A" or "B" or "C" or "D";
            verdicts.Add(new RuleVerdict("GradeHasACap", cap > 0, "Refused", null, null, () => $"Grade {f.NjcGrade} cap."));
            if (cap <= 0) worst = 2;
            var within = f.PayRate <= cap;
            verdicts.Add(new RuleVerdict(lower ? "WithinGradeCapForGradesAtoD" : "WithinGradeCap", within, lower ? "Refused" : "NeedsException", null,
                lower ? null : "Head of Service; HR Business Partner", () => string.Create(Uk, $"£{f.PayRate:0.00} against £{cap:0.00}.")) { Cap = cap, Measured = f.PayRate });
            figures["gradeCap"] = cap;
            if (!within) worst = Math.Max(worst, lower ? 2 : 1);
        }

        if (f.IsInterim)
        {
            const decimal chargeCap = 115.00m;
            var within = f.ChargeRate <= chargeCap;
            verdicts.Add(new RuleVerdict("WithinInterimChargeCap", within, "NeedsException", null, "Chief Executive",
                () => string.Create(Uk, $"£{f.ChargeRate:0.00} against £{chargeCap:0.00}.")) { Cap = chargeCap, Measured = f.ChargeRate });
            figures["interimChargeCap"] = chargeCap;
            if (!within) worst = Math.Max(worst, 1);
        }
        return Decision("pay-rate-caps", worst switch { 2 => "Refused", 1 => "NeedsException", _ => "Allowed" }, verdicts, figures, f);
    }

    public static (PolicyDecision Decision, int Points) LocalPreference(LocalPreferenceFacts f)
    {
        var verdicts = new List<RuleVerdict>(3);
        var district = f.PostcodeDistrict.Trim();
        var luton = district.Equals("LU1", StringComparison.OrdinalIgnoreCase) || district.Equals("LU2", StringComparison.OrdinalIgnoreCase)
            || district.Equals("LU3", StringComparison.OrdinalIgnoreCase) || district.Equals("LU4", StringComparison.OrdinalIgnoreCase);
        var nearby = !luton && (district.Equals("LU5", StringComparison.OrdinalIgnoreCase) || district.Equals("LU6", StringComparison.OrdinalIgnoreCase)
            || district.Equals("LU7", StringComparison.OrdinalIgnoreCase));
        var points = 0;
        string? tier = null;

        verdicts.Add(new RuleVerdict("LivesInLuton", luton, null, null, null, () => $"Lives in {f.PostcodeDistrict}."));
        if (luton) (points, tier) = (points + 30, "Local");
        if (!luton)
        {
            verdicts.Add(new RuleVerdict("LivesNearby", nearby, null, null, null, () => $"Lives in {f.PostcodeDistrict}."));
            if (nearby) (points, tier) = (points + 10, tier ?? "Neighbouring");
        }
        verdicts.Add(new RuleVerdict("SuppliedLocally", f.SupplierIsLocal, null, null, null, () => "Supplier."));
        if (f.SupplierIsLocal) points += 10;
        if (f.PreviousCouncil.Length > 0)
        {
            var former = f.PreviousCouncil == "Luton Borough Council";
            verdicts.Add(new RuleVerdict("FormerCouncilEmployee", former, null, null, null, () => $"Was with {f.PreviousCouncil}."));
            if (former) points += 15;
        }
        if (f.IsDfeRole)
        {
            verdicts.Add(new RuleVerdict("DfeExperience", f.PostQualifiedYears >= 3, "Ineligible", null, null, () => $"{f.PostQualifiedYears} years."));
            if (f.PreviousCouncil.Length > 0 && f.PreviousCouncilRegion.Equals("East of England", StringComparison.OrdinalIgnoreCase))
                verdicts.Add(new RuleVerdict("DfeCoolingOff", f.MonthsSinceLeftCouncilPost >= 3, "Ineligible", null, null, () => $"{f.MonthsSinceLeftCouncilPost} months."));
        }
        if (!luton && !nearby)
        {
            verdicts.Add(new RuleVerdict("EveryoneElse", true, null, null, null, () => "Further away."));
            tier ??= "Other";
        }
        return (Decision("local-candidate-preference", tier ?? "Unranked", verdicts, new Dictionary<string, object?>(), f), points);
    }

    public static PolicyDecision PlacementLength(PlacementLengthFacts f)
    {
        var verdicts = new List<RuleVerdict>(6);
        var worst = 0;
        var firstLimit = f.IsInterim ? 52 : 26;
        var totalLimit = f.IsInterim ? 104 : 78;
        if (!f.IsExtension)
        {
            var within = f.TotalWeeks <= firstLimit;
            verdicts.Add(new RuleVerdict("FirstBookingWithinLimit", within, "Refused", null, null, () => $"{f.TotalWeeks} of {firstLimit} weeks."));
            if (!within) worst = 2;
        }
        var total = f.TotalWeeks <= totalLimit || f.ApprovedBeyondLimit;
        verdicts.Add(new RuleVerdict("TotalLengthWithinLimit", total, "NeedsApproval", "OverLengthLimit", "Head of Service; Director of HR", () => $"{f.TotalWeeks} of {totalLimit} weeks."));
        if (!total) worst = Math.Max(worst, 1);
        if (f.AwrWeeks < 12) verdicts.Add(new RuleVerdict("AwrPointNotDueSoon", f.AwrWeeks < 10, null, "AwrQualifyingSoon", null, () => $"Week {f.AwrWeeks}."));
        verdicts.Add(new RuleVerdict("BeforeAwrPoint", f.AwrWeeks < 12, null, "AwrQualified", null, () => $"Week {f.AwrWeeks}."));
        verdicts.Add(new RuleVerdict("UnderReviewPoint", f.MonthsInPost < 6, null, "DueForReview", null, () => $"{f.MonthsInPost} months."));
        verdicts.Add(new RuleVerdict("UnderLongRunningPoint", f.MonthsInPost < 12, null, "LongRunning", null, () => $"{f.MonthsInPost} months."));
        var figures = new Dictionary<string, object?>(StringComparer.Ordinal) { ["totalLimit"] = totalLimit, ["awrQualifyingWeeks"] = 12, ["reviewMonths"] = 6, ["longRunningMonths"] = 12 };
        if (!f.IsExtension) figures["firstBookingLimit"] = firstLimit;
        return Decision("placement-length-limits", worst switch { 2 => "Refused", 1 => "NeedsApproval", _ => "Allowed" }, verdicts, figures, f);
    }

    public static PolicyDecision Conversion(ConversionFacts f)
    {
        var verdicts = new List<RuleVerdict>(6)
        {
            new("PastFeeFreePoint", f.AsOf >= f.FeeFreeFrom, "NotYet", null, null, () => $"Fee-free from {f.FeeFreeFrom}."),
            new("CoversAVacancy", f.RequisitionReason == "VacancyCover", "NotYet", null, null, () => f.RequisitionReason),
            new("RightToWorkInDate", f.RightToWorkValid, "NotYet", null, null, () => "Right to work."),
            // A recent certificate, or an older one checked on the Update Service within a year (dbsCurrentByStatusCheck).
            new("DbsInDate", f.HasDbs && (f.DbsMonthsOld <= 36 || f.DbsStatusCheckMonthsOld is <= 12), "NotYet", null, null, () => "DBS."),
        };
        if (f.RegistrationRequired) verdicts.Add(new RuleVerdict("RegistrationInDate", f.RegistrationValid, "NotYet", null, null, () => "Registration."));
        verdicts.Add(new RuleVerdict("OpenToPermanentJob", f.OpenToPermanentJob, "NotYet", null, null, () => "Open to a permanent job."));
        var figures = new Dictionary<string, object?>(StringComparer.Ordinal) { ["feeFreeWeeks"] = 14, ["dbsRecheckMonths"] = 36, ["dbsStatusCheckMonths"] = 12 };
        return Decision("permanent-conversion-eligibility", verdicts.TrueForAll(v => v.Passed) ? "Eligible" : "NotYet", verdicts, figures, f);
    }

    private static PolicyDecision Decision(string ruleSet, string outcome, List<RuleVerdict> verdicts, Dictionary<string, object?> figures, object facts) => new()
    {
        RuleSet = ruleSet,
        Version = "hand-written",
        Outcome = outcome,
        Rules = verdicts,
        Figures = figures,
        Facts = facts,
    };
}
