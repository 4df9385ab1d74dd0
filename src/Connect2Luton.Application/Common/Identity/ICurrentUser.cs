namespace Connect2Luton.Application.Common.Identity;

/// <summary>Who is acting: the signed-in user on a page, or the system for nightly jobs and start-up seeding.</summary>
public interface ICurrentUser
{
    /// <summary>The user name recorded on audit entries and decisions (an email address, or "system").</summary>
    string Name { get; }

    bool IsInRole(string role);

    /// <summary>For a hiring manager, the one service area they act for.</summary>
    int? ServiceAreaId { get; }

    /// <summary>For agency staff, the one supply agency they act for.</summary>
    int? SupplyAgencyId => null;

    /// <summary>For a worker, the worker record their account is linked to.</summary>
    int? WorkerId => null;
}
