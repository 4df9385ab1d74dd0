using System.Net;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Placements;

/// <summary>
/// A fresh open children's social work requisition (starting in two weeks, 26 weeks long) with one checked
/// in-house pool worker on its shortlist, in the demo database: each test books its own, so tests do not meet.
/// </summary>
internal sealed record PlacementArrangement(int RequisitionId, int WorkerId, string WorkerName, decimal MarginRate, DateOnly Start, DateOnly End)
{
    public const string Recruiter = "recruiter@connect2luton.local";

    public string BookingPath => $"/Placements/New?requisition={RequisitionId}&worker={WorkerId}";

    public static async Task<PlacementArrangement> ShortlistedAsync(Connect2LutonFactory factory, int positions = 1, int startsInDays = 14, Func<AWorker, AWorker>? worker = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await ShortlistedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), positions, startsInDays, worker);
    }

    /// <summary>The same, written straight into a database an app (or several) serves.</summary>
    public static async Task<PlacementArrangement> ShortlistedAsync(AppDbContext db, int positions = 1, int startsInDays = 14, Func<AWorker, AWorker>? worker = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var requisition = await OpenRequisitionAsync(db, positions, startsInDays);
        var pool = await db.SupplyAgencies.FirstAsync(a => a.Kind == SupplyAgencyKind.InHousePool);
        var shortlisted = (worker ?? (w => w))(A.Worker().LivingIn("LU2 7AB").SuppliedBy(pool.Id).WithChecks()).Build();
        db.Add(shortlisted);
        await db.SaveChangesAsync();
        requisition.AddToShortlist(shortlisted.Id, "Local", 40, null, Recruiter, Clocks.Now);
        await db.SaveChangesAsync();
        return new PlacementArrangement(requisition.Id, shortlisted.Id, shortlisted.FullName, pool.MarginRate, requisition.StartDate, requisition.EndDate);
    }

    /// <summary>An open children's social work requisition with nobody on its shortlist yet.</summary>
    public static async Task<int> OpenRequisitionAsync(Connect2LutonFactory factory, int startsInDays)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await OpenRequisitionAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), 1, startsInDays)).Id;
    }

    private static async Task<Requisition> OpenRequisitionAsync(AppDbContext db, int positions, int startsInDays)
    {
        var area = await db.ServiceAreas.SingleAsync(a => a.Code == "CSC");
        var role = await db.JobRoles.FirstAsync(r => r.Title == "Social Worker (Children and Families)");
        var manager = await db.HiringManagers.FirstAsync(m => m.ServiceAreaId == area.Id);
        var requisition = A.Requisition().In(area.Id, role.Id, manager.Id).ForPositions(positions).Starting(Clocks.Today.AddDays(startsInDays)).Open();
        db.Add(requisition);
        await db.SaveChangesAsync();
        return requisition;
    }

    public Dictionary<string, string> Terms(string payRate, DateOnly? end = null) => new()
    {
        ["Input.PayRate"] = payRate,
        ["Input.WeeklyHours"] = "37",
        ["Input.StartDate.Day"] = Start.Day.ToString(),
        ["Input.StartDate.Month"] = Start.Month.ToString(),
        ["Input.StartDate.Year"] = Start.Year.ToString(),
        ["Input.EndDate.Day"] = (end ?? End).Day.ToString(),
        ["Input.EndDate.Month"] = (end ?? End).Month.ToString(),
        ["Input.EndDate.Year"] = (end ?? End).Year.ToString(),
    };

    /// <summary>Books at an allowed rate through the form; returns the placement's page address.</summary>
    public async Task<string> BookAsync(HttpClient recruiter, string payRate = "30.00")
    {
        var form = await recruiter.GetPageAsync(BookingPath);
        var response = await recruiter.SubmitAsync(form, Terms(payRate));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    public static async Task<T> QueryAsync<T>(Connect2LutonFactory factory, Func<AppDbContext, T> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<int> PlacementCountAsync(Connect2LutonFactory factory) =>
        QueryAsync(factory, db => db.Placements.Count(p => p.WorkerId == WorkerId));

    public Task<RequisitionStatus> RequisitionStatusAsync(Connect2LutonFactory factory) =>
        QueryAsync(factory, db => db.Requisitions.AsNoTracking().Single(r => r.Id == RequisitionId).Status);
}
