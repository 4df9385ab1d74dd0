using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Identity;

namespace Connect2Luton.Web.Tests.Security;

/// <summary>
/// Who may use each page handler and endpoint, written out by hand: the authorization matrix test holds the app to
/// it, and the hostile-input test signs in as someone the handler admits, so a refusal it sees is the input's.
/// </summary>
public static class AccessMatrix
{
    /// <summary>
    /// The council's four roles, a senior officer with no role who holds a sign-off post (the demo Director of
    /// Children's Services), and staff of a local supporting agency (who see only their agency's portal).
    /// </summary>
    public enum Who { Anonymous, HiringManager, Recruiter, PolicyOfficer, Admin, Director, AgencyStaff, Worker }

    public static readonly Who[] Everyone = Enum.GetValues<Who>();
    /// <summary>Everyone signed in on the council's side; agency staff find none of its pages.</summary>
    public static readonly Who[] SignedIn = [Who.HiringManager, Who.Recruiter, Who.PolicyOfficer, Who.Admin, Who.Director];

    /// <summary>Anyone signed in, agency staff and workers among them: their own account, and the home page (theirs is their portal).</summary>
    public static readonly Who[] Accounts = [.. SignedIn, Who.AgencyStaff, Who.Worker];

    /// <summary>A worker signed in, on their own pages: the sample week is the demo worker's own placement.</summary>
    public static readonly Who[] WorkersThemselves = [Who.Worker];

    public static readonly Who[] Agencies = [Who.AgencyStaff];

    /// <summary>Those holding the post a sign-off is for: the sample is the demo booking waiting for the Director of Children's Services.</summary>
    public static readonly Who[] Holders = [Who.Director];
    /// <summary>Anyone with one of the four roles: pages behind a permission every role holds (the reports), which a senior officer with no role does not.</summary>
    public static readonly Who[] WithARole = [Who.HiringManager, Who.Recruiter, Who.PolicyOfficer, Who.Admin];
    public static readonly Who[] Recruiters = [Who.Recruiter, Who.Admin];
    public static readonly Who[] Officers = [Who.PolicyOfficer, Who.Admin];
    public static readonly Who[] Services = [Who.HiringManager, Who.Recruiter, Who.Admin];
    public static readonly Who[] Admins = [Who.Admin];

    /// <summary>Approving or querying a timesheet: the budget holder's call, so the service's hiring managers only.</summary>
    public static readonly Who[] TimesheetApprovers = [Who.HiringManager];

    /// <summary>Approving or rejecting: the hiring managers of the service that raised it (the sample is theirs), and admins.</summary>
    public static readonly Who[] Approvers = [Who.HiringManager, Who.Admin];

    // A senior officer with no role sees no service's requisitions: these pages, which ask what the user may do with
    // the requisition itself, answer them "no such requisition" (404) before they could refuse, as they answer a
    // hiring manager of another service.
    private static readonly Who[] ServicesOrUnseen = [.. Services, Who.Director];
    private static readonly Who[] ApproversOrUnseen = [.. Approvers, Who.Director];

    /// <summary>Who may use each handler. Everyone else is sent to sign in (not signed in) or refused (signed in).</summary>
    public static readonly Dictionary<string, Who[]> Expected = new(StringComparer.Ordinal)
    {
        ["GET /"] = Accounts,
        ["GET /Account/AccessDenied"] = Everyone,
        ["GET /Account/SignIn"] = Everyone,
        ["GET /Account/ExternalSignIn"] = Everyone,
        ["POST /Account/ExternalSignIn"] = Everyone,
        ["GET /Account/ExternalSignIn?handler=Callback"] = Everyone,
        ["GET /Account/SignOut"] = Everyone,
        ["GET /Account/ResetPassword"] = Everyone,
        ["GET /Account/SignInCode"] = Everyone,
        ["POST /Account/SignInCode"] = Everyone,
        ["GET /Account/TwoFactor"] = Accounts,
        ["POST /Account/TwoFactor?handler=Confirm"] = Accounts,
        ["POST /Account/TwoFactor?handler=RecoveryCodes"] = Accounts,
        ["POST /Account/TwoFactor?handler=TurnOff"] = Accounts,
        ["POST /Account/ResetPassword"] = Everyone,
        ["GET /Agency"] = Agencies,
        ["GET /Agency/Vacancies/{id:int}"] = Agencies,
        ["POST /Agency/Vacancies/{id:int}"] = Agencies,
        ["GET /Agency/Candidates"] = Agencies,
        ["GET /Agency/Candidates/New"] = Agencies,
        ["POST /Agency/Candidates/New"] = Agencies,
        ["GET /Agency/Candidates/{id:int}"] = Agencies,
        ["GET /Agency/Candidates/{id:int}/Edit"] = Agencies,
        ["POST /Agency/Candidates/{id:int}/Edit"] = Agencies,
        ["GET /Agency/Submissions"] = Agencies,
        ["GET /Agency/Submissions/{id:int}/Withdraw"] = Agencies,
        ["POST /Agency/Submissions/{id:int}/Withdraw"] = Agencies,
        ["GET /Agency/Timesheets"] = Agencies,
        ["GET /Agency/Timesheets/{placementId:int}/{week}"] = Agencies,
        ["POST /Agency/Timesheets/{placementId:int}/{week}?handler=Save"] = Agencies,
        ["POST /Agency/Timesheets/{placementId:int}/{week}?handler=Submit"] = Agencies,
        ["POST /Agency/Timesheets/{placementId:int}/{week}?handler=Adjust"] = Agencies,
        ["GET /Requisitions/{id:int}/Submissions/{submissionId:int}/Decline"] = Recruiters,
        ["POST /Requisitions/{id:int}/Submissions/{submissionId:int}/Decline"] = Recruiters,
        ["POST /Requisitions/{id:int}/Shortlist?handler=Submission"] = Recruiters,
        ["GET /Admin"] = Admins,
        ["GET /Admin/Users"] = Admins,
        ["GET /Admin/Users/New"] = Admins,
        ["POST /Admin/Users/New"] = Admins,
        ["GET /Admin/Users/{id}"] = Admins,
        ["POST /Admin/Users/{id}"] = Admins,
        ["POST /Admin/Users/{id}?handler=Deactivate"] = Admins,
        ["POST /Admin/Users/{id}?handler=Reactivate"] = Admins,
        ["POST /Admin/Users/{id}?handler=Unlock"] = Admins,
        ["POST /Admin/Users/{id}?handler=ResetLink"] = Admins,
        ["POST /Admin/Users/{id}?handler=TurnOffTwoFactor"] = Admins,
        ["POST /Admin/Users/{id}?handler=Unlink"] = Admins,
        ["GET /Admin/ServiceAreas"] = Admins,
        ["GET /Admin/ServiceAreas/New"] = Admins,
        ["POST /Admin/ServiceAreas/New"] = Admins,
        ["GET /Admin/ServiceAreas/{id:int}"] = Admins,
        ["POST /Admin/ServiceAreas/{id:int}"] = Admins,
        ["POST /Admin/ServiceAreas/{id:int}?handler=Deactivate"] = Admins,
        ["POST /Admin/ServiceAreas/{id:int}?handler=Reactivate"] = Admins,
        ["GET /Admin/Organisations"] = Admins,
        ["GET /Admin/Organisations/New"] = Admins,
        ["POST /Admin/Organisations/New"] = Admins,
        ["GET /Admin/Organisations/{id:int}"] = Admins,
        ["POST /Admin/Organisations/{id:int}"] = Admins,
        ["POST /Admin/Organisations/{id:int}?handler=Deactivate"] = Admins,
        ["POST /Admin/Organisations/{id:int}?handler=Reactivate"] = Admins,
        ["GET /Admin/JobRoles"] = Admins,
        ["GET /Admin/JobRoles/New"] = Admins,
        ["POST /Admin/JobRoles/New"] = Admins,
        ["GET /Admin/JobRoles/{id:int}"] = Admins,
        ["POST /Admin/JobRoles/{id:int}"] = Admins,
        ["POST /Admin/JobRoles/{id:int}?handler=Deactivate"] = Admins,
        ["POST /Admin/JobRoles/{id:int}?handler=Reactivate"] = Admins,
        ["GET /Admin/SupplyAgencies"] = Admins,
        ["GET /Admin/SupplyAgencies/New"] = Admins,
        ["POST /Admin/SupplyAgencies/New"] = Admins,
        ["GET /Admin/SupplyAgencies/{id:int}"] = Admins,
        ["POST /Admin/SupplyAgencies/{id:int}"] = Admins,
        ["POST /Admin/SupplyAgencies/{id:int}?handler=Deactivate"] = Admins,
        ["POST /Admin/SupplyAgencies/{id:int}?handler=Reactivate"] = Admins,
        ["GET /Admin/HiringManagers"] = Admins,
        ["GET /Admin/HiringManagers/New"] = Admins,
        ["POST /Admin/HiringManagers/New"] = Admins,
        ["GET /Admin/HiringManagers/{id:int}"] = Admins,
        ["POST /Admin/HiringManagers/{id:int}"] = Admins,
        ["POST /Admin/HiringManagers/{id:int}?handler=Deactivate"] = Admins,
        ["POST /Admin/HiringManagers/{id:int}?handler=Reactivate"] = Admins,
        ["GET /Admin/Import"] = Admins,
        ["GET /Admin/Import/Workers"] = Admins,
        ["GET /Admin/Import/Workers?handler=Template"] = Admins,
        ["POST /Admin/Import/Workers"] = Admins,
        ["GET /Admin/Import/Placements"] = Admins,
        ["GET /Admin/Import/Placements?handler=Template"] = Admins,
        ["POST /Admin/Import/Placements"] = Admins,
        ["GET /Admin/Import/{upload:int}"] = Admins,
        ["POST /Admin/Import/{upload:int}"] = Admins,
        ["GET /Admin/Positions"] = Admins,
        ["GET /Admin/Positions/Edit"] = Admins,
        ["POST /Admin/Positions/Edit"] = Admins,
        ["GET /SignOffs"] = SignedIn,
        ["GET /SignOffs/{id:int}"] = Holders,
        ["POST /SignOffs/{id:int}?handler=Give"] = Holders,
        ["POST /SignOffs/{id:int}?handler=Decline"] = Holders,
        ["GET /Conversions"] = Services,
        ["GET /Conversions/{id:int}"] = Services,
        ["GET /Error"] = Everyone,
        ["GET /Jobs"] = Admins,
        ["GET /Placements"] = SignedIn,
        ["GET /Placements/New"] = Recruiters,
        ["GET /Placements/{id:int}"] = SignedIn,
        ["GET /Me"] = WorkersThemselves,
        ["GET /Me/Details"] = WorkersThemselves,
        ["POST /Me/Details"] = WorkersThemselves,
        ["GET /Me/Timesheets/{placementId:int}/{week}"] = WorkersThemselves,
        ["POST /Me/Timesheets/{placementId:int}/{week}?handler=Save"] = WorkersThemselves,
        ["POST /Me/Timesheets/{placementId:int}/{week}?handler=Submit"] = WorkersThemselves,
        ["POST /Me/Timesheets/{placementId:int}/{week}?handler=Adjust"] = WorkersThemselves,
        ["POST /Workers/{id:int}?handler=SignIn"] = Recruiters,
        ["POST /Workers/{id:int}?handler=OptOut"] = Recruiters,
        ["POST /Workers/{id:int}?handler=WithdrawOptOut"] = Recruiters,
        ["GET /Timesheets"] = Services,
        ["GET /Timesheets?handler=Export"] = Services,
        ["GET /Timesheets/Underpaid"] = Services,
        ["GET /Timesheets/Underpaid?handler=Export"] = Services,
        ["GET /Timesheets/Missing"] = Services,
        ["GET /Timesheets/Missing?handler=Export"] = Services,
        ["POST /Timesheets?handler=Approve"] = TimesheetApprovers,
        ["GET /Timesheets/{placementId:int}/{week}"] = Services,
        ["POST /Timesheets/{placementId:int}/{week}?handler=Save"] = Recruiters,
        ["POST /Timesheets/{placementId:int}/{week}?handler=Submit"] = Recruiters,
        ["POST /Timesheets/{placementId:int}/{week}?handler=Adjust"] = Recruiters,
        ["POST /Timesheets/{placementId:int}/{week}?handler=ApplyParity"] = Recruiters,
        ["POST /Timesheets/{placementId:int}/{week}?handler=Approve"] = TimesheetApprovers,
        ["POST /Timesheets/{placementId:int}/{week}?handler=Query"] = TimesheetApprovers,
        ["GET /Placements/{id:int}/End"] = Recruiters,
        ["GET /Placements/{id:int}/Extend"] = Recruiters,
        ["GET /Placements?handler=Export"] = SignedIn,
        ["GET /Reports"] = WithARole,
        ["GET /Reports/CapExceptions"] = WithARole,
        ["GET /Reports/CapExceptions?handler=Csv"] = WithARole,
        ["GET /Reports/Conversions"] = WithARole,
        ["GET /Reports/Conversions?handler=Csv"] = WithARole,
        ["GET /Reports/DfeReturn"] = WithARole,
        ["GET /Reports/DfeReturn?handler=Csv"] = WithARole,
        ["GET /Reports/Refusals"] = WithARole,
        ["GET /Reports/Refusals?handler=Csv"] = WithARole,
        ["GET /Reports/Hours"] = WithARole,
        ["GET /Reports/Hours?handler=Csv"] = WithARole,
        ["GET /Reports/Spend"] = WithARole,
        ["GET /Reports/Spend?handler=Csv"] = WithARole,
        ["GET /Reports/Suppliers"] = WithARole,
        ["GET /Reports/Suppliers?handler=Csv"] = WithARole,
        ["GET /Reports/Workforce"] = WithARole,
        ["GET /Reports/Workforce?handler=Csv"] = WithARole,
        ["GET /Requisitions"] = SignedIn,
        ["GET /Requisitions/New"] = Services,
        ["GET /Requisitions/{id:int}"] = SignedIn,
        ["GET /Requisitions/{id:int}/Edit"] = ServicesOrUnseen,
        ["GET /Requisitions/{id:int}/Shortlist"] = SignedIn,
        ["GET /Requisitions/{id:int}/Shortlist/{workerId:int}/Remove"] = Recruiters,
        ["GET /Requisitions/{id:int}/{step:regex(^(Reject|Cancel)$)}"] = ApproversOrUnseen,
        ["GET /Requisitions?handler=Export"] = SignedIn,
        ["GET /Rules"] = SignedIn,
        ["GET /Rules/Diff/{name}"] = SignedIn,
        ["GET /Rules/Edit/{name}"] = Officers,
        ["GET /Rules/History/{name}"] = SignedIn,
        ["GET /Rules/View/{name}"] = SignedIn,
        ["GET /Rules/Try/{name}"] = Officers,
        ["GET /Rules/WhatIf/{name}"] = Officers,
        ["GET /Workers"] = Recruiters,
        ["GET /Workers/New"] = Recruiters,
        ["GET /Workers/{id:int}"] = Recruiters,
        ["GET /Workers/{id:int}/Breaks"] = Recruiters,
        ["GET /Workers/{id:int}/Edit"] = Recruiters,
        ["GET /Workers?handler=Export"] = Recruiters,
        ["GET /health"] = Everyone,
        ["POST /Account/SignIn"] = Everyone,
        ["POST /Account/SignOut"] = Accounts,
        ["GET /Account/Password"] = Accounts,
        ["POST /Account/Password"] = Accounts,
        ["POST /Conversions/{id:int}?handler=Converted"] = Services,
        ["POST /Conversions/{id:int}?handler=Declined"] = Services,
        ["POST /Conversions/{id:int}?handler=NotSuitable"] = Services,
        ["POST /Conversions/{id:int}?handler=OfferMade"] = Services,
        ["POST /Conversions/{id:int}?handler=Snooze"] = Services,
        ["POST /Error"] = Everyone,
        ["POST /Jobs?handler=Run"] = Admins,
        ["POST /Placements/New"] = Recruiters,
        ["POST /Placements/New?handler=Check"] = Recruiters,
        ["POST /Placements/{id:int}?handler=ApplyParity"] = Recruiters,
        ["POST /Placements/{id:int}/End"] = Recruiters,
        ["POST /Placements/{id:int}/Extend"] = Recruiters,
        ["POST /Placements/{id:int}/Extend?handler=Check"] = Recruiters,
        ["POST /Requisitions/New"] = Services,
        ["POST /Requisitions/{id:int}/Edit"] = Services,
        ["POST /Requisitions/{id:int}/Shortlist/{workerId:int}/Remove"] = Recruiters,
        ["POST /Requisitions/{id:int}/Shortlist?handler=Add"] = Recruiters,
        ["POST /Requisitions/{id:int}/{step:regex(^(Reject|Cancel)$)}"] = ApproversOrUnseen,
        ["POST /Requisitions/{id:int}?handler=Approve"] = Approvers,
        ["POST /Requisitions/{id:int}?handler=Open"] = Recruiters,
        ["POST /Requisitions/{id:int}?handler=Submit"] = Services,
        ["POST /Requisitions/{id:int}?handler=ReleaseLocal"] = Recruiters,
        ["POST /Requisitions/{id:int}?handler=ReleaseExternal"] = Recruiters,
        ["POST /Requisitions/{id:int}?handler=Hold"] = Recruiters,
        ["POST /Requisitions/{id:int}?handler=LiftHold"] = Recruiters,
        ["POST /Rules/Try/{name}?handler=AddCase"] = Officers,
        ["POST /Rules/Edit/{name}?handler=Apply"] = Officers,
        ["POST /Rules/Edit/{name}?handler=Check"] = Officers,
        ["POST /Rules/Edit/{name}?handler=AcceptCases"] = Officers,
        ["POST /Rules/Edit/{name}?handler=Save"] = Officers,
        ["POST /Rules/Edit/{name}?handler=TrySample"] = Officers,
        ["POST /Rules/Edit/{name}?handler=AddCase"] = Officers,
        ["POST /Rules/Edit/{name}?handler=UseRealCase"] = Officers,
        ["POST /Rules/Edit/{name}?handler=WhatIf"] = Officers,
        ["POST /Rules/Try/{name}"] = Officers,
        ["POST /Rules/Try/{name}?handler=UseRealCase"] = Officers,
        ["POST /Rules/WhatIf/{name}"] = Officers,
        ["POST /Rules/History/{name}?handler=RollBack"] = Officers,
        ["POST /Workers/New"] = Recruiters,
        ["POST /Workers/{id:int}/Breaks"] = Recruiters,
        ["POST /Workers/{id:int}/Breaks?handler=Remove"] = Recruiters,
        ["POST /Workers/{id:int}/Edit"] = Recruiters,
    };

    public static readonly Dictionary<Who, string> Users = new()
    {
        [Who.HiringManager] = DemoDataSeeder.DemoManagerEmail,
        [Who.Recruiter] = "recruiter@connect2luton.local",
        [Who.PolicyOfficer] = "policy@connect2luton.local",
        [Who.Admin] = "admin@connect2luton.local",
        [Who.Director] = "dcs@connect2luton.local",
        [Who.AgencyStaff] = IdentitySeeder.DemoAgencyStaff[0].Email,
        [Who.Worker] = IdentitySeeder.DemoWorkerEmail,
    };

    /// <summary>Someone the handler admits: someone not signed in if it is open to all, else a hiring manager (whose service limits what they may touch) first.</summary>
    public static Who Actor(string key) =>
        new[] { Who.Anonymous, Who.HiringManager, Who.Recruiter, Who.PolicyOfficer, Who.Admin, Who.Director, Who.AgencyStaff, Who.Worker }.First(Expected[key].Contains);
}
