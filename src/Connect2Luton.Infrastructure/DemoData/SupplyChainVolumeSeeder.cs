using System.Diagnostics;
using System.Globalization;
using Bogus;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.DemoData;

public sealed record SupplyChainSeedResult(int Agencies, int OpenRequisitions, int TiersReleased, TimeSpan Elapsed);

/// <summary>
/// Adds a supply chain at benchmark volume on top of the demo data: agencies up to the number asked for (about one
/// in eight local supporting agencies, most of those on the DPS; a third confirming the DfE agency rules) and open
/// requisitions approved at moments over the last two weeks, then runs the scheduled release as the app does, so
/// each agency's portal lists what its kind would see by now. The demo agency staff's agencies are among them.
/// </summary>
public sealed class SupplyChainVolumeSeeder(AppDbContext db, DemoDataSeeder demo, ScheduledRelease release, TimeProvider clock)
{
    private const int RequisitionsPerBatch = 2_000;
    private const string By = "volume-seed";

    public async Task<SupplyChainSeedResult> SeedAsync(int openRequisitions, int agencies, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(openRequisitions);
        ArgumentOutOfRangeException.ThrowIfNegative(agencies);
        var stopwatch = Stopwatch.StartNew();
        await demo.SeedAsync(cancellationToken);
        var faker = new Faker("en_GB") { Random = new Randomizer(openRequisitions ^ agencies ^ 20261205) };
        var now = clock.GetUtcNow();
        var today = clock.Today();

        var raised = 0;
        db.AuditEnabled = false;
        try
        {
            var existing = await db.SupplyAgencies.CountAsync(cancellationToken);
            var local = agencies / 8;
            for (var i = existing + 1; i <= agencies; i++)
            {
                var isLocal = i % 8 == 0 && local-- > 0;
                var agency = new SupplyAgency(string.Create(CultureInfo.InvariantCulture, $"{faker.Company.CompanyName()} Recruitment {i:000}"),
                    isLocal ? SupplyAgencyKind.LocalSupportingAgency : SupplyAgencyKind.ExternalAgency, Math.Round(faker.Random.Decimal(0.10m, 0.22m), 2), isLocal,
                    isLocal && i % 32 != 0 ? string.Create(CultureInfo.InvariantCulture, $"DPS-LU-{1000 + i:0000}") : null);
                agency.RecordDfeAgencyRules(i % 3 == 0);
                db.Add(agency);
            }
            await db.SaveChangesAsync(cancellationToken);

            var roles = await db.JobRoles.AsNoTracking().ToListAsync(cancellationToken);
            var managers = await db.HiringManagers.AsNoTracking().ToListAsync(cancellationToken);
            var areaIds = await db.ServiceAreas.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
            while (raised < openRequisitions)
            {
                foreach (var _ in Enumerable.Range(0, Math.Min(RequisitionsPerBatch, openRequisitions - raised)))
                {
                    var role = faker.PickRandom(roles);
                    var code = DemoCatalogue.Roles.FirstOrDefault(r => r.Title == role.Title)?.ServiceCode;
                    var manager = managers.FirstOrDefault(m => code is not null && m.ServiceAreaId == areaIds.GetValueOrDefault(code)) ?? managers[0];
                    var approvedAt = now.AddMinutes(-faker.Random.Int(1, 14 * 24 * 60));
                    var start = today.AddDays(faker.Random.Int(3, 60));
                    var requisition = Requisition.Raise(
                        new RequisitionDetails(manager.ServiceAreaId, role.Id, role.Title, RequisitionReason.VacancyCover, null, 37m, start, start.AddDays(7 * faker.Random.Int(8, 26)),
                            Math.Round(faker.Random.Decimal(14m, 45m), 2), faker.Random.Int(1, 3), IsProjectTeam: false),
                        manager.Id, manager.Email, approvedAt.AddDays(-1));
                    requisition.Submit(manager.Email, approvedAt.AddDays(-1));
                    requisition.Approve(manager.Email, approvedAt);
                    requisition.Open(By, approvedAt);
                    db.Add(requisition);
                    raised++;
                }
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.AuditEnabled = true;
        }

        var run = await release.RunAsync(By, cancellationToken);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        return new SupplyChainSeedResult(await db.SupplyAgencies.CountAsync(cancellationToken), raised, run.Counts.TiersReleased, stopwatch.Elapsed);
    }
}
