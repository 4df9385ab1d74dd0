using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Workers;

/// <summary>A right-to-work check; <see cref="ExpiresOn"/> is set for time-limited permission to work.</summary>
public sealed record RightToWorkCheck
{
    public RightToWorkCheck(DateOnly checkedOn, DateOnly? expiresOn)
    {
        if (expiresOn is { } expiry && expiry < checkedOn)
            throw new DomainRuleException("A right-to-work permission cannot expire before it was checked.");
        CheckedOn = checkedOn;
        ExpiresOn = expiresOn;
    }

    public DateOnly CheckedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }

    public bool IsValidOn(DateOnly date) => CheckedOn <= date && (ExpiresOn is null || ExpiresOn >= date);
}

public enum DbsLevel
{
    Basic,
    Standard,
    Enhanced,
    EnhancedWithBarredLists,
}

/// <summary>A Disclosure and Barring Service certificate.</summary>
public sealed record DbsCheck
{
    public DbsCheck(DateOnly issuedOn, DbsLevel level, string certificateNumber, bool onUpdateService, DateOnly? statusCheckedOn = null)
    {
        if (statusCheckedOn is { } checkedOn && (!onUpdateService || checkedOn < issuedOn))
            throw new DomainRuleException("A status check on the DBS Update Service needs the certificate to be on it, and comes after its issue.");
        var number = Guard.Required(certificateNumber, 12, "The DBS certificate number");
        if (number.Length != 12 || !number.All(char.IsAsciiDigit))
            throw new DomainRuleException("A DBS certificate number is 12 digits.");
        IssuedOn = issuedOn;
        Level = level;
        CertificateNumber = number;
        OnUpdateService = onUpdateService;
        StatusCheckedOn = statusCheckedOn;
    }

    public DateOnly IssuedOn { get; init; }
    public DbsLevel Level { get; init; }
    public string CertificateNumber { get; init; }

    /// <summary>Subscribed to the DBS Update Service, so the certificate can be re-checked online.</summary>
    public bool OnUpdateService { get; init; }

    /// <summary>
    /// The last time the certificate's status was checked on the Update Service and showed no change: a certificate
    /// has no expiry date, so a recent status check keeps an older certificate current.
    /// </summary>
    public DateOnly? StatusCheckedOn { get; init; }
}

/// <summary>Registration with a professional body, e.g. Social Work England.</summary>
public sealed record ProfessionalRegistration
{
    public ProfessionalRegistration(JobRoles.RegistrationBody body, string number, DateOnly expiresOn)
    {
        if (body == JobRoles.RegistrationBody.None) throw new DomainRuleException("A registration needs a registering body.");
        Body = body;
        Number = Guard.Required(number, Limits.Reference, "The registration number").ToUpperInvariant();
        ExpiresOn = expiresOn;
    }

    public JobRoles.RegistrationBody Body { get; init; }
    public string Number { get; init; }
    public DateOnly ExpiresOn { get; init; }
}
