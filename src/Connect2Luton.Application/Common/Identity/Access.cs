namespace Connect2Luton.Application.Common.Identity;

/// <summary>
/// Who may do what, in one table: each permission and the roles that hold it. A new kind of user is a role added
/// to the rows it should have (and, if it sees less than everything, a line in <see cref="DataScope"/>). An
/// architecture test keeps role checks out of everywhere else.
/// </summary>
public static class Access
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Grants { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Permissions.RaiseRequisitions] = [Roles.HiringManager, Roles.Recruiter, Roles.Admin],
        [Permissions.ApproveRequisitions] = [Roles.HiringManager, Roles.Admin],
        [Permissions.OpenRequisitions] = [Roles.Recruiter, Roles.Admin],
        [Permissions.ManageWorkers] = [Roles.Recruiter, Roles.Admin],
        [Permissions.ManagePlacements] = [Roles.Recruiter, Roles.Admin],
        [Permissions.HandleConversions] = [Roles.Recruiter, Roles.HiringManager, Roles.Admin],
        [Permissions.HearOfNewConversionPrompts] = [Roles.Recruiter],
        [Permissions.ReadReports] = [Roles.HiringManager, Roles.Recruiter, Roles.PolicyOfficer, Roles.Admin],
        [Permissions.EditRules] = [Roles.PolicyOfficer, Roles.Admin],
        [Permissions.RunJobs] = [Roles.Admin],
        [Permissions.ManageSignOffPositions] = [Roles.Admin],
        [Permissions.ManageUsers] = [Roles.Admin],
        [Permissions.ManageReferenceData] = [Roles.Admin],
        [Permissions.ImportData] = [Roles.Admin],
        [Permissions.SeeEveryService] = [Roles.Recruiter, Roles.PolicyOfficer, Roles.Admin],
        [Permissions.ActForOwnService] = [Roles.HiringManager],
        [Permissions.ReleaseRequisitions] = [Roles.Recruiter, Roles.Admin],
        [Permissions.SupplyCandidates] = [Roles.AgencyStaff],
        [Permissions.EnterTimesheets] = [Roles.Recruiter, Roles.Admin, Roles.AgencyStaff, Roles.Worker],
        [Permissions.ApproveTimesheets] = [Roles.HiringManager],
        [Permissions.SeeTimesheets] = [Roles.Recruiter, Roles.Admin, Roles.HiringManager],
        [Permissions.KeepOwnWorkerRecord] = [Roles.Worker],
    };

    /// <summary>Whether someone holding the roles <paramref name="isInRole"/> answers for has the permission.</summary>
    public static bool Allows(Func<string, bool> isInRole, string permission)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        // A permission nobody wrote down is held by nobody: a typo refuses rather than lets through.
        return Grants.TryGetValue(permission, out var roles) && roles.Any(isInRole);
    }

    /// <summary>Whether the user has the permission.</summary>
    public static bool May(this ICurrentUser user, string permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Allows(user.IsInRole, permission);
    }
}
