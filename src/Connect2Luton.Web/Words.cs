using System.Text.RegularExpressions;

namespace Connect2Luton.Web;

/// <summary>Enum names as people write them: "NeighbourhoodServices" reads "Neighbourhood services".</summary>
public static partial class Words
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var words = Boundary().Replace(value.ToString(), " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A field as a sentence begins with it: its display name, or "IsProjectTeam" as "Is project team".</summary>
    public static string Field(string name)
    {
        if (string.IsNullOrEmpty(name)) return "This answer";
        var words = name.Contains(' ', StringComparison.Ordinal) ? name : Boundary().Replace(name, " $1").Trim().ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A job family named as its enum is, in words: "SocialCare" reads "Social care".</summary>
    /// <summary>Words written for the middle of a sentence, begun with a capital for a tag or a heading ("Offer made").</summary>
    public static string Begun(string words) =>
        string.IsNullOrEmpty(words) ? words : string.Concat(char.ToUpper(words[0], System.Globalization.CultureInfo.GetCultureInfo("en-GB")).ToString(), words.AsSpan(1));

    public static string Family(string family) => Enum.TryParse<Domain.JobRoles.JobFamily>(family, out var known) ? Of(known) : family;

    /// <summary>
    /// A flag as a tag names it, without the point it is raised at: the points (6 months, 12 months) are the rules'
    /// to set and the flag's own message says them, so a tag never disagrees with the rules.
    /// </summary>
    public static string Flag(Domain.Placements.PlacementFlagKind kind) => kind switch
    {
        Domain.Placements.PlacementFlagKind.AwrQualifyingSoon => "AWR point soon",
        Domain.Placements.PlacementFlagKind.AwrQualified => "Past the AWR point",
        Domain.Placements.PlacementFlagKind.DueForReview => "Due for review",
        Domain.Placements.PlacementFlagKind.LongRunning => "Long-running",
        Domain.Placements.PlacementFlagKind.OverLengthLimit => "Over the length limit",
        Domain.Placements.PlacementFlagKind.PayParityDue => "AWR pay parity due",
        _ => Of(kind),
    };

    /// <summary>Where one post's sign-off stands: "Signed off by Helen Okafor", "Waiting".</summary>
    public static string SignOff(Domain.Placements.SignOffState state, string? by) => state switch
    {
        Domain.Placements.SignOffState.Given => $"Signed off by {by}",
        Domain.Placements.SignOffState.Declined => $"Declined by {by}",
        Domain.Placements.SignOffState.Awaiting => "Waiting",
        _ => "No longer needed",
    };

    /// <summary>Where an extension stands, when it is not simply in force.</summary>
    public static string Extension(Domain.Placements.ExtensionStatus status) => status switch
    {
        Domain.Placements.ExtensionStatus.AwaitingSignOff => "Waiting for sign-off",
        Domain.Placements.ExtensionStatus.Declined => "Declined",
        Domain.Placements.ExtensionStatus.Withdrawn => "Called off",
        _ => "In force",
    };

    /// <summary>A level of DBS certificate, as the DBS names it.</summary>
    public static string Dbs(Domain.Workers.DbsLevel level) => level == Domain.Workers.DbsLevel.EnhancedWithBarredLists ? "Enhanced with barred lists" : level.ToString();

    /// <summary>The register a role needs a worker to be on, by its own name.</summary>
    public static string Registration(Domain.JobRoles.RegistrationBody body) => body switch
    {
        Domain.JobRoles.RegistrationBody.None => "None needed",
        Domain.JobRoles.RegistrationBody.SocialWorkEngland => "Social Work England",
        Domain.JobRoles.RegistrationBody.HealthAndCareProfessionsCouncil => "Health and Care Professions Council",
        Domain.JobRoles.RegistrationBody.NursingAndMidwiferyCouncil => "Nursing and Midwifery Council",
        _ => Of(body),
    };

    /// <summary>What kind of supplier an agency is, as Connect2Luton says it, on every page and report.</summary>
    public static string Timesheet(Domain.Timesheets.TimesheetStatus status) => status switch
    {
        Domain.Timesheets.TimesheetStatus.Draft => "Not sent",
        Domain.Timesheets.TimesheetStatus.Submitted => "Waiting for approval",
        Domain.Timesheets.TimesheetStatus.Queried => "Queried",
        Domain.Timesheets.TimesheetStatus.Approved => "Approved",
        _ => Of(status),
    };

    public static string TimesheetTag(Domain.Timesheets.TimesheetStatus status) => status switch
    {
        Domain.Timesheets.TimesheetStatus.Draft => "govuk-tag--grey",
        Domain.Timesheets.TimesheetStatus.Submitted => "govuk-tag--blue",
        Domain.Timesheets.TimesheetStatus.Queried => "govuk-tag--orange",
        _ => "govuk-tag--green",
    };

    /// <summary>A week's hours as a list shows them: a week sent with none (a nil return) says so, rather than a bare 0.</summary>
    public static string WeekHours(decimal hours, Domain.Timesheets.TimesheetStatus status) =>
        Domain.Timesheets.Timesheet.IsNilReturnOf(hours, status) ? "None worked" : Application.Timesheets.HoursText.Show(hours);

    /// <summary>A kind of timesheet hours as a label names it: "Sleep-in".</summary>
    public static string Hours(Domain.Timesheets.TimesheetLineType type) => Domain.Timesheets.TimesheetChecks.Describe(type);

    public static string EnteredBy(Domain.Timesheets.TimesheetEnteredAs enteredAs) => enteredAs switch
    {
        Domain.Timesheets.TimesheetEnteredAs.Worker => "the worker",
        Domain.Timesheets.TimesheetEnteredAs.Agency => "their agency",
        _ => "a recruiter",
    };

    public static string Supplier(Domain.SupplyAgencies.SupplyAgencyKind kind) => kind switch
    {
        Domain.SupplyAgencies.SupplyAgencyKind.InHousePool => "In-house pool",
        Domain.SupplyAgencies.SupplyAgencyKind.LocalSupportingAgency => "Local supporting agency",
        Domain.SupplyAgencies.SupplyAgencyKind.ExternalAgency => "External agency",
        _ => Of(kind),
    };

    /// <summary>Where an agency's candidate stands, as the agency and the recruiter both read it.</summary>
    public static string Submission(Domain.SupplyChain.SubmissionStatus status)
    {
        var words = Domain.SupplyChain.Submission.Describe(status);
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A tier of suppliers a requisition is released to, as a recruiter says it: "local supporting agencies".</summary>
    public static string Tier(Domain.SupplyAgencies.SupplyAgencyKind kind) => kind switch
    {
        Domain.SupplyAgencies.SupplyAgencyKind.InHousePool => "In-house pool",
        Domain.SupplyAgencies.SupplyAgencyKind.LocalSupportingAgency => "Local supporting agencies",
        Domain.SupplyAgencies.SupplyAgencyKind.ExternalAgency => "External agencies",
        _ => Of(kind),
    };

    /// <summary>A moment as a clock in Luton shows it: "4 December 2026 at 10:15".</summary>
    public static string Moment(DateTimeOffset at) =>
        Application.Common.Time.UkClock.InUk(at).ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A yearly salary as people write it: whole pounds without pence ("£39,027"), pence shown in full ("£30,000.50").</summary>
    public static string Salary(decimal pounds) =>
        pounds == decimal.Truncate(pounds) ? pounds.ToString("£#,##0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : pounds.ToString("£#,##0.00", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>
    /// Working time as people say it: "under an hour", "5 hours" within a working day, "1.5 working days" after
    /// (a working day being a weekday's 24 hours, as the release rules count them).
    /// </summary>
    public static string WorkingTime(TimeSpan time)
    {
        if (time < TimeSpan.FromHours(1)) return "under an hour";
        if (time < TimeSpan.FromDays(1))
        {
            var hours = (int)Math.Round(time.TotalHours, MidpointRounding.AwayFromZero);
            return hours == 1 ? "1 hour" : $"{hours} hours";
        }
        var days = Math.Round(time.TotalDays, 1, MidpointRounding.AwayFromZero);
        return (days == 1 ? "1" : days.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)) + (days == 1 ? " working day" : " working days");
    }

    /// <summary>A short wait as people say it: "2 seconds", "1.5 seconds", "1 minute".</summary>
    public static string Duration(TimeSpan time)
    {
        if (time >= TimeSpan.FromMinutes(1))
        {
            var minutes = Math.Round(time.TotalMinutes, 1, MidpointRounding.AwayFromZero);
            return minutes == 1 ? "1 minute" : minutes.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " minutes";
        }
        var seconds = Math.Round(time.TotalSeconds, 1, MidpointRounding.AwayFromZero);
        return seconds == 1 ? "1 second" : seconds.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " seconds";
    }

    /// <summary>"1 worker", "2 workers".</summary>
    public static string Count(int count, string noun) => Count(count, noun, noun + "s");

    /// <summary>"1 agency", "2 agencies".</summary>
    public static string Count(int count, string noun, string plural) =>
        count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + " " + (count == 1 ? noun : plural);

    /// <summary>A rule set's outcome in plain words: "NeedsException" reads "Needs sign-off".</summary>
    public static string Outcome(string outcome) => Application.RuleSets.Values.CodeWords.Outcome(outcome);

    public static string OutcomeTag(string outcome) => outcome switch
    {
        "Allowed" or "Eligible" or "Release" => "govuk-tag--green",
        "NeedsException" or "NeedsApproval" => "govuk-tag--orange",
        "Refused" or "Ineligible" or "Never" => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string RunTag(Domain.Jobs.JobRunStatus status) => status switch
    {
        Domain.Jobs.JobRunStatus.Succeeded => "govuk-tag--green",
        Domain.Jobs.JobRunStatus.Running => "govuk-tag--blue",
        Domain.Jobs.JobRunStatus.CompletedWithErrors or Domain.Jobs.JobRunStatus.Cancelled or Domain.Jobs.JobRunStatus.Interrupted => "govuk-tag--orange",
        _ => "govuk-tag--red",
    };

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Boundary();

    /// <summary>
    /// A rule version as shown: its first 12 characters, as versions are hashes; a version recorded by other means
    /// (an import, a data fix) may be shorter and is shown whole rather than failing the page.
    /// </summary>
    public static string ShortVersion(string version) => version.Length <= 12 ? version : version[..12];
}
