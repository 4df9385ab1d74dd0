using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>A requisition released to an agency user's agency, and a candidate of the agency's put forward for it, written straight to the database.</summary>
public static class AgencySamples
{
    /// <returns>The requisition, the agency's candidate, and their submission.</returns>
    public static async Task<(int Requisition, int Candidate, int Submission)> PutForwardAsync(AppDbContext db, int requisitionId, string agencyUserEmail, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agencyId = await db.Users.Where(u => u.Email == agencyUserEmail).Select(u => u.SupplyAgencyId).SingleAsync()
            ?? throw new InvalidOperationException($"{agencyUserEmail} acts for no agency.");
        var agency = await db.SupplyAgencies.SingleAsync(a => a.Id == agencyId);
        var requisition = await db.Requisitions.SingleAsync(r => r.Id == requisitionId);
        var family = await db.JobRoles.Where(r => r.Id == requisition.JobRoleId).Select(r => r.JobFamily).SingleAsync();

        var release = await db.SupplierReleases.Include(r => r.Profiles).Include(r => r.Steps).FirstOrDefaultAsync(r => r.RequisitionId == requisitionId)
            ?? db.SupplierReleases.Add(new SupplierRelease(requisitionId)).Entity;
        release.Release(agency.Kind, [new(AgencyProfile.Of(agency), 1)], "system", at, new string('0', 64));
        var worker = A.Worker().InFamily(family).SuppliedBy(agencyId).BornOn(new DateOnly(1988, 5, 17)).WithChecks().Build();
        worker.KeepByAgency();
        db.Workers.Add(worker);
        await db.SaveChangesAsync();

        var submission = new Submission(requisitionId, agencyId, agency.Kind, worker.Id, agencyUserEmail, at, at.AddDays(28));
        db.Submissions.Add(submission);
        foreach (var key in CandidateKeys.Of(worker)) db.CandidateClaims.Add(new CandidateClaim(requisitionId, key, submission));
        await db.SaveChangesAsync();
        return (requisitionId, worker.Id, submission.Id);
    }
}
