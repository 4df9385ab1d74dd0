using Connect2Luton.Domain.Placements;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Connect2Luton.Infrastructure.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_sqlite_migrations_build_the_whole_model()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse("the model has changed since the last SQLite migration: add one");
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Placements_booked_before_the_committed_week_was_kept_get_it_from_their_rates_and_hours()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var rates = new PlacementRates(32.1234m, 3.8745m, 4.8012m, 0.9637m, 2.4071m);
        await using (var db = database.CreateContext())
        {
            var reference = await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());
            var requisition = A.Requisition().In(reference.Area.Id, reference.Role.Id, reference.Manager.Id).Open();
            var worker = A.Worker().SuppliedBy(reference.Agency.Id).Build();
            db.AddRange(requisition, worker);
            await db.SaveChangesAsync();
            db.Add(Placement.Book(requisition, worker, new PlacementBooking(rates, 22.75m, Clocks.Today, Clocks.Today.AddDays(90)), null, [], "r", Clocks.Now));
            await db.SaveChangesAsync();
        }

        // Back to before the columns, then forward again: the backfill alone fills them.
        await using (var db = database.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_CommittedWeekAndRefusedDecisions", StringComparison.Ordinal)) - 1]);
            await migrator.MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            var week = (await db.Set<Placement>().SingleAsync()).CommittedWeek;
            week.ShouldBe(CommittedWeek.Of(rates, 22.75m));
            week.Charge.ShouldBe(1_004.865225m);  // 44.1699 x 22.75, to the millionth
        }
    }

    [Fact]
    public async Task Hours_kept_as_text_before_become_whole_hundredths_and_the_live_groups_long_runners_and_dfe_assignments_are_read_from_covering_indexes_alone()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var reference = await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());
            var requisition = A.Requisition().In(reference.Area.Id, reference.Role.Id, reference.Manager.Id).Open();
            var worker = A.Worker().SuppliedBy(reference.Agency.Id).Build();
            db.AddRange(requisition, worker);
            await db.SaveChangesAsync();
            db.Add(Placement.Book(requisition, worker, new PlacementBooking(A.Rates(), 22.75m, Clocks.Today, Clocks.Today.AddDays(90)), null, [], "r", Clocks.Now));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_ReportsReadFromIndexes", StringComparison.Ordinal)) - 1]);
            (await db.Database.SqlQueryRaw<string>("""SELECT CAST("WeeklyHours" AS TEXT) AS "Value" FROM "Placements" """).SingleAsync()).ShouldStartWith("22.75");
            await migrator.MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            (await db.Database.SqlQueryRaw<long>("""SELECT "WeeklyHours" AS "Value" FROM "Placements" """).SingleAsync()).ShouldBe(2275);
            (await db.Set<Placement>().SingleAsync()).WeeklyHours.ShouldBe(22.75m);
            var groups = new Application.Reports.LivePlacementMoneySpec(Clocks.Today, null);
            var sql = Infrastructure.Persistence.Specifications.SpecificationEvaluator.Apply(db.Set<Placement>(), groups)
                .GroupBy(p => new { p.ServiceAreaId, p.JobRoleId, p.SupplyAgencyId })
                .Select(g => new { g.Key, Hours = g.Sum(p => p.WeeklyHours), Charge = g.Sum(p => p.WeeklyCharge) }).ToQueryString();
            var plan = await ExplainAsync(db, sql);
            plan.ShouldContain("USING COVERING INDEX IX_Placements_LiveMoney", Case.Sensitive, plan);
            sql.ShouldNotContain("ef_sum");

            var longRunning = Infrastructure.Persistence.Specifications.SpecificationEvaluator
                .Apply(db.Set<Placement>(), new Application.Reports.LongRunningPlacementRowsSpec(Clocks.Today.AddYears(-1), Clocks.Today, null)).ToQueryString();
            var longRunningPlan = await ExplainAsync(db, longRunning);
            longRunningPlan.ShouldContain("USING COVERING INDEX IX_Placements_LiveMoney", Case.Sensitive, longRunningPlan);

            var dfe = Infrastructure.Persistence.Specifications.SpecificationEvaluator
                .Apply(db.Set<Placement>(), new Application.Reports.DfeAssignmentRowsSpec(Clocks.Today.AddMonths(-3), Clocks.Today, [1, 2], [1, 2, 3])).ToQueryString();
            var dfePlan = await ExplainAsync(db, dfe);
            dfePlan.ShouldContain("USING COVERING INDEX IX_Placements_InPost (ServiceAreaId=? AND JobRoleId=? AND StartDate<?)", Case.Sensitive, dfePlan);
        }
    }

    [Fact]
    public async Task Who_was_in_post_and_the_dfe_return_name_their_services_and_roles_in_the_query_and_are_read_from_the_in_post_index_under_a_million_placements_statistics()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        // The planner's statistics as ANALYZE wrote them over 1,000,000 placements: with them, and the services and
        // roles sent as one parameter, SQLite walked every placement ever started by date there (600 ms).
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM sqlite_stat1 WHERE tbl = 'Placements';""");
        foreach (var (index, stat) in NationalScaleStatistics)
            await db.Database.ExecuteSqlRawAsync("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('Placements', {0}, {1});", index, stat);
        await db.Database.ExecuteSqlRawAsync("ANALYZE sqlite_schema;");

        var trend = Infrastructure.Persistence.Specifications.SpecificationEvaluator
            .Apply(db.Set<Placement>(), new Application.Reports.InPostSpansSpec(Clocks.Today.AddMonths(-12), Clocks.Today, [1], [1, 2, 3, 4, 5])).ToQueryString();
        var dfe = Infrastructure.Persistence.Specifications.SpecificationEvaluator
            .Apply(db.Set<Placement>(), new Application.Reports.DfeAssignmentRowsSpec(Clocks.Today.AddMonths(-3), Clocks.Today, [1], [1, 2, 3, 4, 5])).ToQueryString();

        foreach (var sql in new[] { trend, dfe })
        {
            // Written in as values, the planner sees one service and five roles (the 1M run's trend read fell from 409 to 80 ms).
            sql.ShouldNotContain("json_each");
            sql.ShouldContain("\"p\".\"JobRoleId\" IN (1, 2, 3, 4, 5)");
            var plan = await ExplainAsync(db, sql);
            plan.ShouldContain("USING COVERING INDEX IX_Placements_InPost (ServiceAreaId=? AND JobRoleId=? AND StartDate<?)", Case.Sensitive, plan);
        }
    }

    [Fact]
    public async Task An_agencys_candidates_are_counted_and_paged_from_the_index_of_its_own_records_not_the_pool_workers_it_supplies()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        foreach (var spec in new Application.Common.Specifications.ISpecification<Domain.Workers.Worker>[]
            { new Application.SupplyChain.AgencyWorkersSpec(2, null), new Application.SupplyChain.AgencyWorkersSpec(2, "Smi", 25, 25) })
        {
            var sql = Infrastructure.Persistence.Specifications.SpecificationEvaluator.Apply(db.Set<Domain.Workers.Worker>(), spec).Select(w => w.Id).ToQueryString();
            var plan = await ExplainAsync(db, sql);
            plan.ShouldContain("USING COVERING INDEX IX_Workers_AgencyCandidates (SupplyAgencyId=?", Case.Sensitive, plan);
            // In surname order from the index; only names alike are put in id order, so a page still stops when full.
            plan.ShouldNotContain("TEMP B-TREE FOR ORDER BY", Case.Sensitive, plan);
        }
    }

    [Fact]
    public async Task Who_is_booked_over_a_period_is_read_from_the_status_and_end_date_index_alone()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var sql = Infrastructure.Persistence.Specifications.SpecificationEvaluator
            .Apply(db.Set<Placement>(), new Application.Shortlists.WorkersBookedBetweenSpec(Clocks.Today, Clocks.Today.AddDays(90))).ToQueryString();

        var plan = await ExplainAsync(db, sql);

        // Read after every booking while a shortlist is open: at 300,000 in post, each row looked up in the table cost seconds cold.
        plan.ShouldContain("USING COVERING INDEX IX_Placements_Status_PlannedEndDate_StartDate_WorkerId", Case.Sensitive, plan);
    }

    [Fact]
    public async Task The_worker_search_by_district_and_checks_is_counted_from_the_district_checks_index_alone()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var filter = new Application.Workers.WorkerFilter(Postcode: "LU2", Compliance: Application.Workers.ComplianceFilter.NeedsAttention);
        var rows = Infrastructure.Persistence.Specifications.SpecificationEvaluator
            .Apply(db.Set<Domain.Workers.Worker>(), (Application.Common.Specifications.ISpecification<Domain.Workers.Worker>)new Application.Workers.WorkerListSpec(filter, Clocks.Today, null))
            .Select(w => w.Id).ToQueryString();
        // The count the list's total is: the same filter, no order.
        var count = rows[..rows.IndexOf("ORDER BY", StringComparison.Ordinal)].Replace("SELECT \"w\".\"Id\"", "SELECT COUNT(*)", StringComparison.Ordinal);

        var plan = await ExplainAsync(db, count);

        // Counted again after every worker saved: at 500,000 workers, reading each of a district's 90,000 rows took a quarter of a second.
        plan.ShouldContain("USING COVERING INDEX IX_Workers_DistrictChecks (PostcodeDistrict=?)", Case.Sensitive, plan);
    }

    private static readonly (string Index, string Stat)[] NationalScaleStatistics =
    [
        ("IX_Placements_ExternalReference", "1000254 1000254"),
        ("IX_Placements_InPost", "1000254 142894 50013 56 36 3 2 1 1 1"),
        ("IX_Placements_JobRoleId", "1000254 50013"),
        ("IX_Placements_LiveMoney", "1000254 250064 682 101 36 5 5 1 1 1 1 1"),
        ("IX_Placements_RequisitionId", "1000254 10"),
        ("IX_Placements_ServiceAreaId_Status", "1000254 142894 52645"),
        ("IX_Placements_StartDate_ServiceAreaId_JobRoleId", "1000254 1076 156 56"),
        ("IX_Placements_Status_PlannedEndDate_StartDate_WorkerId", "1000254 250064 601 2 1"),
        ("IX_Placements_Status_StartDate_ServiceAreaId_JobRoleId", "1000254 250064 682 101 36"),
        ("IX_Placements_SupplyAgencyId", "1000254 100026"),
        ("IX_Placements_WorkerId_Status", "1000254 2 2"),
    ];

    // SQLite's plan for a query EF wrote, with its parameters given as the query text declares them.
    private static async Task<string> ExplainAsync(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var lines = sql.Split('\n');
        foreach (var declaration in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = declaration[".param set ".Length..].Split(' ', 2);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[0];
            parameter.Value = parts[1].Trim('\'');
            command.Parameters.Add(parameter);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join(Environment.NewLine, plan);
    }

    [Fact]
    public async Task Services_and_roles_from_before_they_could_be_deactivated_stay_active_and_keep_their_names()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
            await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());

        // Back to before the column, then forward again: the tables are rebuilt for their case-blind names.
        await using (var db = database.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_ReferenceDataDeactivatedAndNamesUniqueInAnyCase", StringComparison.Ordinal)) - 1]);
            await migrator.MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            (await db.ServiceAreas.SingleAsync()).IsActive.ShouldBeTrue();
            (await db.JobRoles.SingleAsync()).IsActive.ShouldBeTrue();
            (await db.HiringManagers.SingleAsync()).ServiceAreaId.ShouldBe((await db.ServiceAreas.SingleAsync()).Id, "the rebuilt table keeps the ids others point at");
        }
    }

    [Fact]
    public async Task Flags_raised_under_their_first_names_keep_working_under_the_names_of_their_points()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var reference = await ReferenceData.SaveAsync(db, A.ServiceArea("HSG"), A.Role());
            var requisition = A.Requisition().In(reference.Area.Id, reference.Role.Id, reference.Manager.Id).Open();
            var worker = A.Worker().SuppliedBy(reference.Agency.Id).Build();
            db.AddRange(requisition, worker);
            await db.SaveChangesAsync();
            var placement = Placement.Book(requisition, worker, new PlacementBooking(A.Rates(20m), 37.5m, Clocks.Today, Clocks.Today.AddDays(400)), null, [], "r", Clocks.Now);
            db.Add(placement);
            await db.SaveChangesAsync();
            db.AddRange(
                new PlacementFlag(placement.Id, PlacementFlagKind.DueForReview, "review", "UnderReviewPoint", "v1", Clocks.Today, Clocks.Now),
                new PlacementFlag(placement.Id, PlacementFlagKind.LongRunning, "long", "UnderLongRunningPoint", "v1", Clocks.Today, Clocks.Now));
            await db.SaveChangesAsync();

            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_FlagKindsNamedForTheirPoints", StringComparison.Ordinal)) - 1]);
            (await db.Database.SqlQueryRaw<string>("SELECT Kind AS Value FROM PlacementFlags ORDER BY Id").ToListAsync())
                .ShouldBe(["PastSixMonths", "PastTwelveMonths"], "stepping back restores the names the flags were raised under");
            await migrator.MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            (await db.PlacementFlags.OrderBy(f => f.Id).Select(f => f.Kind).ToListAsync())
                .ShouldBe([PlacementFlagKind.DueForReview, PlacementFlagKind.LongRunning]);
        }
    }

    [Fact]
    public void The_sql_server_migrations_build_the_whole_model()
    {
        using var db = SqlServerContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse("the model has changed since the last SQL Server migration: add one");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void The_sql_server_migration_script_is_valid_t_sql()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        errors.Select(e => $"line {e.Line}: {e.Message}").ShouldBeEmpty();
        var tables = new CreatedTables();
        fragment.Accept(tables);
        new[] { "Placements", "Workers", "Requisitions", "RuleDecisions", "ConversionPrompts", "AuditEntries", "AspNetUsers" }.ShouldBeSubsetOf(tables.Names);
    }

    private static SqlServerAppDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
                .UseSqlServer("Server=(none);Database=Connect2Luton;Trusted_Connection=True;TrustServerCertificate=True")
                .Options,
            new SystemUser(),
            TimeProvider.System);

    // The idempotent script wraps each migration's statements in IF blocks, so the tables are found by visiting.
    private sealed class CreatedTables : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(CreateTableStatement node) => Names.Add(node.SchemaObjectName.BaseIdentifier.Value);
    }
}
