using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Domain.Workers;

/// <summary>A temporary or interim worker in the pool, available to be shortlisted and placed.</summary>
public sealed class Worker : AggregateRoot
{
    private readonly List<WorkerBreak> _breaks = [];

    private Worker()
    {
        FirstName = LastName = Email = Postcode = PostcodeDistrict = string.Empty;
    }

    public Worker(WorkerProfile profile, DateTimeOffset registeredAt)
    {
        FirstName = LastName = Email = Postcode = PostcodeDistrict = string.Empty;
        Update(profile);
        RegisteredAt = registeredAt;
        IsActive = true;
    }

    public string FirstName { get; private set; }
    public string LastName { get; private set; }
    public string FullName => $"{FirstName} {LastName}";
    public string Email { get; private set; }
    public string? Phone { get; private set; }

    /// <summary>The full postcode of the worker's home, normalised ("LU1 3JH").</summary>
    public string Postcode { get; private set; }

    /// <summary>The outward code of <see cref="Postcode"/>, kept as its own column for searching and reports.</summary>
    public string PostcodeDistrict { get; private set; }

    public JobFamily JobFamily { get; private set; }
    public int SupplyAgencyId { get; private set; }

    /// <summary>When the worker gained the professional qualification, for post-qualified experience.</summary>
    public DateOnly? QualifiedOn { get; private set; }

    public bool OpenToPermanentJob { get; private set; }

    /// <summary>Held for workers agencies put forward: with the name, it tells one agency's record of a person from another's.</summary>
    public DateOnly? DateOfBirth { get; private set; }

    public string? PreviousCouncil { get; private set; }
    public string? PreviousCouncilRegion { get; private set; }
    public DateOnly? LeftPermanentCouncilPostOn { get; private set; }

    public RightToWorkCheck? RightToWork { get; private set; }
    public DbsCheck? Dbs { get; private set; }
    public ProfessionalRegistration? Registration { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// The record is kept by the supplying agency through its portal: the agency puts the worker forward for the
    /// roles it chooses, so a recruiter reaches them through those submissions, not by searching the pool.
    /// </summary>
    public bool KeptByAgency { get; private set; }

    public void KeepByAgency() => KeptByAgency = true;
    public bool IsActive { get; private set; }

    /// <summary>
    /// The day the worker signed an opt-out of the Working Time Regulations' 48-hour weekly limit (regulation 5); null
    /// where they have not, and then no timesheet of theirs may go over it.
    /// </summary>
    public DateOnly? WeeklyLimitOptOutSignedOn { get; private set; }

    /// <summary>Records a signed opt-out, or (null) that the worker has withdrawn it.</summary>
    public void RecordWeeklyLimitOptOut(DateOnly? signedOn) => WeeklyLimitOptOutSignedOn = signedOn;

    public bool OptedOutOfWeeklyLimitOn(DateOnly day) => WeeklyLimitOptOutSignedOn is { } signed && signed <= day;

    /// <summary>Set when the worker took a permanent post with the council through a conversion.</summary>
    public DateOnly? ConvertedToPermanentOn { get; private set; }

    /// <summary>
    /// The worker's reference in the spreadsheet or agency system they were brought in from: a file imported again
    /// finds them by it, so the same row never adds them twice.
    /// </summary>
    public string? ExternalReference { get; private set; }

    /// <summary>Records where the worker came from; once recorded it stays, as a later file matches on it.</summary>
    public void RecordExternalReference(string reference)
    {
        var given = Guard.Required(reference, Limits.Reference, "The external reference");
        if (ExternalReference is { } recorded && !string.Equals(recorded, given, StringComparison.OrdinalIgnoreCase))
            throw new DomainRuleException($"This worker was brought in as {recorded}: that reference does not change.");
        ExternalReference = given;
    }

    /// <summary>
    /// What a worker keeps up to date themselves, signed in: how to reach them, where they live (which decides local
    /// preference, so it is checked as any postcode is) and whether they want a permanent job.
    /// </summary>
    public void UpdateContact(string? phone, UkPostcode postcode, bool openToPermanentJob)
    {
        ArgumentNullException.ThrowIfNull(postcode);
        Phone = Guard.Optional(phone, Limits.Phone, "The phone number");
        Postcode = postcode.Value;
        PostcodeDistrict = postcode.District;
        OpenToPermanentJob = openToPermanentJob;
    }

    public void Update(WorkerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        FirstName = Guard.Required(profile.FirstName, Limits.Name, "The first name");
        LastName = Guard.Required(profile.LastName, Limits.Name, "The last name");
        Email = Guard.Required(profile.Email, Limits.Email, "The email address").ToLowerInvariant();
        Phone = Guard.Optional(profile.Phone, Limits.Phone, "The phone number");
        ArgumentNullException.ThrowIfNull(profile.Postcode);
        Postcode = profile.Postcode.Value;
        PostcodeDistrict = profile.Postcode.District;
        JobFamily = profile.JobFamily;
        SupplyAgencyId = Guard.Reference(profile.SupplyAgencyId, "The supply agency");
        QualifiedOn = profile.QualifiedOn;
        OpenToPermanentJob = profile.OpenToPermanentJob;
        DateOfBirth = profile.DateOfBirth;
        PreviousCouncil = Guard.Optional(profile.PreviousCouncilEmployment?.Council, Limits.Name, "The previous council");
        PreviousCouncilRegion = Guard.Optional(profile.PreviousCouncilEmployment?.Region, Limits.Name, "The previous council's region");
        LeftPermanentCouncilPostOn = profile.PreviousCouncilEmployment?.LeftOn;
    }

    /// <summary>Breaks in work recorded for the AWR clock, in no particular order.</summary>
    public IReadOnlyCollection<WorkerBreak> Breaks => _breaks.AsReadOnly();

    /// <summary>Records a break in work. Breaks cannot overlap: one stretch of days has one reason.</summary>
    public WorkerBreak RecordBreak(DateOnly from, DateOnly to, BreakReason reason, string? note, string by, DateTimeOffset at)
    {
        if (_breaks.FirstOrDefault(b => b.Overlaps(from, to)) is { } clash)
            throw new DomainRuleException($"This overlaps the {Words(clash.Reason)} already recorded from {clash.From:d MMMM yyyy} to {clash.To:d MMMM yyyy}: change or remove that one first.");
        var recorded = new WorkerBreak(from, to, reason, note, by, at);
        _breaks.Add(recorded);
        return recorded;
    }

    public void RemoveBreak(int breakId)
    {
        var recorded = _breaks.FirstOrDefault(b => b.Id == breakId) ?? throw new DomainRuleException("That break is not recorded for this worker.");
        _breaks.Remove(recorded);
    }

    private static string Words(BreakReason reason) => reason switch
    {
        BreakReason.Other => "break",
        BreakReason.Sickness => "sick leave",
        BreakReason.JuryService => "jury service",
        BreakReason.AnnualLeave => "annual leave",
        BreakReason.HirerShutdown => "closure",
        BreakReason.IndustrialAction => "industrial action",
        BreakReason.PregnancyOrMaternity => "pregnancy or maternity absence",
        BreakReason.FamilyLeave => "family leave",
        _ => "break",
    };

    public void RecordRightToWork(RightToWorkCheck check) => RightToWork = check ?? throw new ArgumentNullException(nameof(check));

    public void RecordDbs(DbsCheck check) => Dbs = check ?? throw new ArgumentNullException(nameof(check));

    public void RecordRegistration(ProfessionalRegistration? registration) => Registration = registration;

    /// <summary>Whole years since qualifying, on the given day; null where no qualification date is held.</summary>
    public int? PostQualifiedExperienceYears(DateOnly asOf)
    {
        if (QualifiedOn is not { } qualified) return null;
        if (qualified > asOf) return 0;
        var years = asOf.Year - qualified.Year;
        return qualified.AddYears(years) > asOf ? years - 1 : years;
    }

    public void RecordConversion(DateOnly permanentStart)
    {
        if (ConvertedToPermanentOn is not null) throw new DomainRuleException("This worker has already been converted to a permanent post.");
        ConvertedToPermanentOn = permanentStart;
        IsActive = false;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate()
    {
        if (ConvertedToPermanentOn is not null) throw new DomainRuleException("A worker converted to a permanent post cannot return to the pool.");
        IsActive = true;
    }
}
