using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.HiringManagers;

/// <summary>A manager in a council service area who raises and approves requisitions for that service only.</summary>
public sealed class HiringManager : AggregateRoot
{
    private HiringManager() { Name = Email = JobTitle = string.Empty; }

    public HiringManager(string name, string email, string jobTitle, int serviceAreaId, string? phone)
    {
        Name = Guard.Required(name, Limits.Name);
        Email = Guard.Required(email, Limits.Email).ToLowerInvariant();
        JobTitle = Guard.Required(jobTitle, Limits.Title);
        ServiceAreaId = Guard.Reference(serviceAreaId);
        Phone = Guard.Optional(phone, Limits.Phone);
        IsActive = true;
    }

    public string Name { get; private set; }
    public string Email { get; private set; }
    public string JobTitle { get; private set; }
    public string? Phone { get; private set; }
    public int ServiceAreaId { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>Their name, job title and phone as they are now. The email address links the record to the account they sign in with, so it stays.</summary>
    public void Change(string name, string jobTitle, string? phone)
    {
        Name = Guard.Required(name, Limits.Name);
        JobTitle = Guard.Required(jobTitle, Limits.Title);
        Phone = Guard.Optional(phone, Limits.Phone);
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    /// <summary>The manager now acts for another service; requisitions they raised stay with the service they were raised for.</summary>
    public void MoveTo(int serviceAreaId) => ServiceAreaId = Guard.Reference(serviceAreaId);
}
