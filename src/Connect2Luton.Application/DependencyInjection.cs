using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Dashboard;
using Connect2Luton.Application.Placements;
using Connect2Luton.Application.Placements.Booking;
using Connect2Luton.Application.Placements.Changes;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Application.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect2Luton.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReferenceNames>();
        services.AddScoped<Common.Identity.DataScope>();
        services.AddScoped<Policies.PayRateThroughChanges>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<Reports.ReportScope>();
        services.AddScoped<Reports.LivePlacementGroups>();
        services.AddSingleton<KeptAnswers<string, List<Reports.PlacementGroup>>>();
        services.AddScoped<Reports.WorkforceReport>();
        services.AddScoped<Reports.SpendReport>();
        services.AddScoped<Reports.DfeReturn>();
        services.AddScoped<Reports.ConversionsReport>();
        services.AddScoped<Reports.CapExceptionRegister>();
        services.AddScoped<Reports.RefusalsReport>();
        services.AddScoped<Reports.SupplierPerformanceReport>();
        services.AddScoped<RequisitionQueries>();
        services.AddScoped<RequisitionCommands>();
        services.AddScoped<ApprovalRequestEmail>();
        services.AddScoped<RequisitionPermissions>();
        services.AddScoped<WorkerQueries>();
        services.AddScoped<WorkerCommands>();
        services.AddScoped<PlacementQueries>();
        services.AddScoped<ShortlistQueries>();
        services.AddScoped<ShortlistRanking>();
        services.AddSingleton<ShortlistPools>();
        services.AddSingleton<BookedWorkers>();
        // Sizes are counted in rows held (a ranked pool of 20,000 workers is 20,000), so the limit bounds memory.
        services.AddMemoryCache(options => options.SizeLimit = 2_000_000);
        services.AddSingleton<ChangeCounters>();
        services.AddSingleton<SingleFlightCache>();
        services.AddScoped<ShortlistCommands>();
        services.AddScoped<SupplyChain.AgencyRequisitionQueries>();
        services.AddScoped<SupplyChain.AgencyCandidates>();
        services.AddScoped<SupplyChain.AgencySubmissions>();
        services.AddScoped<SupplyChain.SubmissionDecisions>();
        services.AddScoped<SupplyChain.SubmissionQueries>();
        services.AddScoped<SupplyChain.SubmissionPlacing>();
        services.AddScoped<SupplyChain.SubmissionClosing>();
        services.AddScoped<AwrPositions>();
        services.AddScoped<Placements.Flags.LiveLengthFacts>();
        services.AddScoped<Conversions.LiveConversionFacts>();
        services.AddScoped<Placements.Flags.PlacementFlagReview>();
        services.AddScoped<Conversions.ConversionPromptReview>();
        services.AddScoped<Conversions.ConversionPromptDigest>();
        services.AddScoped<Jobs.JobQueries>();
        services.AddScoped<WorkerBreakCommands>();
        services.AddScoped<WorkerBreakQueries>();
        services.AddScoped<Conversions.ConversionPermissions>();
        services.AddScoped<Conversions.ConversionQueries>();
        services.AddScoped<Conversions.ConversionCommands>();
        services.AddScoped<Policies.Refusals>();
        services.AddScoped<BookingCases>();
        services.AddScoped<BookingTerms>();
        services.AddScoped<PlacementBookingCommands>();
        services.AddScoped<PlacementDetailsQueries>();
        services.AddScoped<PlacementChangeCommands>();
        services.AddScoped<SignOffs.SignOffPositions>();
        services.AddScoped<Users.UserAdministration>();
        services.AddScoped<ServiceAreas.ServiceAreaAdministration>();
        services.AddScoped<JobRoles.GradeCaps>();
        services.AddScoped<JobRoles.JobRoleAdministration>();
        services.AddScoped<SupplyAgencies.SupplyAgencyAdministration>();
        services.AddScoped<HiringManagers.HiringManagerAdministration>();
        services.AddScoped<SignOffs.SignOffQueries>();
        services.AddScoped<SignOffs.SignOffCommands>();
        services.AddScoped<RuleSets.RuleSetEditing>();
        services.AddScoped<RuleSets.RuleFileHistory>();
        services.AddScoped<RuleSets.RuleSetWhatIf>();
        services.AddScoped<RuleSets.RuleDraftEditor>();
        services.AddScoped<RuleSets.Cases.LivePlacementCases>();
        services.AddScoped<RuleSets.Cases.IRuleSetCases, RuleSets.Cases.PayRateCases>();
        services.AddScoped<RuleSets.Cases.IRuleSetCases, RuleSets.Cases.LocalPreferenceCases>();
        services.AddScoped<RuleSets.Cases.IRuleSetCases, RuleSets.Cases.PlacementLengthCases>();
        services.AddScoped<RuleSets.Cases.IRuleSetCases, RuleSets.Cases.ConversionCases>();
        services.AddScoped<RuleSets.Cases.IRuleSetCases, RuleSets.Cases.SupplierReleaseCases>();
        services.AddScoped<RuleSets.RuleSetRealCases>();
        services.AddScoped<Imports.WorkerImport>();
        services.AddScoped<Imports.PlacementImport>();
        services.AddScoped<Imports.DataImports>();
        services.AddScoped<Imports.ImportGuides>();
        services.AddScoped<SupplyChain.ReleaseContexts>();
        services.AddScoped<SupplyChain.ReleaseBatch>();
        services.AddScoped<SupplyChain.SupplierReleaseCommands>();
        services.AddScoped<SupplyChain.SupplierReleaseQueries>();
        // The seam for telling agencies what they can now see: a host registers its own (an outbox of emails) over it.
        services.TryAddScoped<SupplyChain.IReleaseNotifier, SupplyChain.ReleaseEmails>();
        return services;
    }
}
