namespace Connect2Luton.Application.Common.Identity;

/// <summary>
/// What a user may do, by name. Pages authorize against these names (each is an authorization policy), the
/// navigation shows sections by them, and commands ask <see cref="Access.May"/>. Which roles hold each is in
/// <see cref="Access"/> and nowhere else; which records a permission reaches is <see cref="DataScope"/>'s.
/// </summary>
public static class Permissions
{
    /// <summary>Raise, change, submit and cancel requisitions (for the services the user sees).</summary>
    public const string RaiseRequisitions = nameof(RaiseRequisitions);

    /// <summary>Approve or reject requisitions (for the services the user sees).</summary>
    public const string ApproveRequisitions = nameof(ApproveRequisitions);

    /// <summary>Open approved requisitions to candidates.</summary>
    public const string OpenRequisitions = nameof(OpenRequisitions);

    /// <summary>Keep the worker pool: add and change workers, their compliance and breaks in work.</summary>
    public const string ManageWorkers = nameof(ManageWorkers);

    /// <summary>Shortlist candidates, book, extend and end placements.</summary>
    public const string ManagePlacements = nameof(ManagePlacements);

    /// <summary>See and act on permanent-conversion prompts.</summary>
    public const string HandleConversions = nameof(HandleConversions);

    public const string ReadReports = nameof(ReadReports);

    /// <summary>
    /// Be told by email, once a night, how many permanent-conversion prompts the nightly job raised: those who act on
    /// them day to day, not everyone who may.
    /// </summary>
    public const string HearOfNewConversionPrompts = nameof(HearOfNewConversionPrompts);

    /// <summary>Change the rule files, and try and compare drafts of them.</summary>
    public const string EditRules = nameof(EditRules);

    /// <summary>See the scheduled jobs and run them now.</summary>
    public const string RunJobs = nameof(RunJobs);

    /// <summary>Create accounts, change their roles and scope, deactivate, unlock, and hand over a link to set a password.</summary>
    public const string ManageUsers = nameof(ManageUsers);

    /// <summary>Keep the services, job roles, supply agencies and hiring managers everything else refers to: add, change, deactivate.</summary>
    public const string ManageReferenceData = nameof(ManageReferenceData);

    /// <summary>Bring workers and live placements in from files (CSV), as a council starting with Connect2Luton does.</summary>
    public const string ImportData = nameof(ImportData);

    /// <summary>Say who holds each post that signs off exceptions, and who deputises.</summary>
    public const string ManageSignOffPositions = nameof(ManageSignOffPositions);

    /// <summary>See every service's records; a user without it sees their own service's (<see cref="DataScope"/>).</summary>
    public const string SeeEveryService = nameof(SeeEveryService);

    /// <summary>Release a requisition to agencies before the release rules would, or hold it back, saying why.</summary>
    public const string ReleaseRequisitions = nameof(ReleaseRequisitions);

    /// <summary>
    /// For the one agency the user acts for: see the requisitions released to it, keep its candidates' records, put
    /// them forward and withdraw them (<see cref="DataScope.OnlySupplyAgency"/>).
    /// </summary>
    public const string SupplyCandidates = nameof(SupplyCandidates);

    /// <summary>
    /// Enter a placement's hours for a week and send them for approval, and correct an approved week: recruiters for
    /// any placement, agency staff for their agency's workers, a worker for their own (<see cref="DataScope.EntersTimesheetsFor"/>).
    /// </summary>
    public const string EnterTimesheets = nameof(EnterTimesheets);

    /// <summary>Approve or query the timesheets of the services the user sees: the budget holder's call, so hiring managers'.</summary>
    public const string ApproveTimesheets = nameof(ApproveTimesheets);

    /// <summary>See the council's timesheets list and weeks (those of the services the user sees).</summary>
    public const string SeeTimesheets = nameof(SeeTimesheets);

    /// <summary>See and keep one's own record as a worker: one's timesheets, contact details and interest in a permanent job.</summary>
    public const string KeepOwnWorkerRecord = nameof(KeepOwnWorkerRecord);

    /// <summary>Act for the one service the user belongs to: raise as its hiring manager, see its records.</summary>
    public const string ActForOwnService = nameof(ActForOwnService);
}
