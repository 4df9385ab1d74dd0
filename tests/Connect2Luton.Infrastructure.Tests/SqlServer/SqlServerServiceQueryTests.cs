using System.Reflection;
using System.Text.RegularExpressions;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Apps = Connect2Luton.Application;

namespace Connect2Luton.Infrastructure.Tests.SqlServer;

/// <summary>
/// The lists, reports, exports, grouped reads and nightly readers that are more than one specification, run as the
/// app runs them (its services, resolved from its own registrations for SQL Server) against no server. With no rows
/// to read, a use case stops where its data would have been: what runs after the first row is found is covered by
/// the specifications' own test, not here.
/// </summary>
public sealed partial class SqlServerServiceQueryTests(ITestOutputHelper output)
{
    // Read-only services: every public method that returns a task or a stream is called with each argument variant.
    private static readonly Type[] Readers =
    [
        typeof(Apps.Dashboard.DashboardQueries), typeof(Apps.Dashboard.DashboardTimesheets), typeof(Apps.Common.ReferenceNames),
        typeof(Apps.Reports.LivePlacementGroups), typeof(Apps.Reports.WorkforceReport), typeof(Apps.Reports.SpendReport),
        typeof(Apps.Reports.HoursWorkedReport), typeof(Apps.Reports.DfeReturn), typeof(Apps.Reports.ConversionsReport),
        typeof(Apps.Reports.CapExceptionRegister), typeof(Apps.Reports.RefusalsReport), typeof(Apps.Reports.SupplierPerformanceReport),
        typeof(Apps.Requisitions.RequisitionQueries), typeof(Apps.Workers.WorkerQueries), typeof(Apps.Placements.PlacementQueries),
        typeof(Apps.Placements.Details.PlacementDetailsQueries), typeof(Apps.Placements.AwrPositions), typeof(Apps.Shortlists.ShortlistQueries),
        typeof(Apps.SupplyChain.AgencyRequisitionQueries), typeof(Apps.SupplyChain.AgencyCandidates), typeof(Apps.SupplyChain.SubmissionQueries),
        typeof(Apps.SupplyChain.SupplierReleaseQueries), typeof(Apps.Jobs.JobQueries), typeof(Apps.Workers.WorkerBreakQueries),
        typeof(Apps.Conversions.ConversionQueries), typeof(Apps.Conversions.LiveConversionFacts), typeof(Apps.Placements.Flags.LiveLengthFacts),
        typeof(Apps.Timesheets.TimesheetQueries), typeof(Apps.Timesheets.AgencyTimesheets), typeof(Apps.Timesheets.MissingTimesheets),
        typeof(Apps.Timesheets.Underpayments), typeof(Apps.SignOffs.SignOffQueries), typeof(Apps.RuleSets.RuleSetRealCases),
        typeof(INightlyDues),
    ];

    public static TheoryData<string> Users => ["recruiter", "hiring manager", "agency staff"];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task The_lists_reports_exports_and_nightly_readers_translate_to_t_sql_and_read_one_query_at_a_time(string who)
    {
        var server = new OfflineSqlServer();
        await using var services = server.Services(User(who));
        var failures = new List<string>();
        var stopped = new List<string>();
        var calls = 0;

        foreach (var type in Readers)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.DeclaringType == type && Awaitable(m.ReturnType)))
            {
                IReadOnlyList<Variant[]> variants;
                try
                {
                    variants = ArgumentVariants.Of(method);
                }
                catch (NotSupportedException unknown)
                {
                    failures.Add($"{type.Name}.{method.Name}: {unknown.Message}");
                    continue;
                }
                foreach (var call in variants)
                {
                    calls++;
                    var asked = $"{type.Name}.{method.Name}({ArgumentVariants.Describe(call)})";
                    await using var scope = services.CreateAsyncScope();
                    var error = await ErrorOf(() => RunAsync(method, scope.ServiceProvider.GetRequiredService(type), [.. ArgumentVariants.Values(call)]));
                    if (error is not null && IsTranslationFailure(error)) failures.Add($"{asked}: {error.GetType().Name}: {error.Message}");
                    else if (error is not null) stopped.Add($"{asked}: {error.GetType().Name}: {error.Message}");
                    if (!server.SecondReaders.IsEmpty)
                    {
                        failures.Add($"{asked}: a query ran while another's reader was open: {string.Join(" / ", server.SecondReaders)}");
                        server.SecondReaders.Clear();
                    }
                }
            }
        }
        await NightlyReviewsAsync(services, failures);

        var parseErrors = server.ParseErrors();
        output.WriteLine($"as {who}: {calls} calls, {server.Commands.Count} translations to T-SQL; {stopped.Count} calls stopped short on the empty answers:");
        foreach (var line in stopped.DistinctBy(s => s.Split('(')[0])) output.WriteLine($"  {line}");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        parseErrors.ShouldBeEmpty(string.Join(Environment.NewLine, parseErrors));
        server.Commands.Count.ShouldBeGreaterThan(500);
    }

    [Fact]
    public async Task Flags_staged_for_bulk_insert_are_written_by_efs_batched_insert_in_t_sql()
    {
        var server = new OfflineSqlServer();
        await using var services = server.Services();
        await using var scope = services.CreateAsyncScope();
        var flags = scope.ServiceProvider.GetRequiredService<IBulkInsert<PlacementFlag>>();
        foreach (var id in Enumerable.Range(1, 3))
            flags.Add(new PlacementFlag(id, PlacementFlagKind.LongRunning, "long", "UnderLongRunningPoint", "v1", Clocks.Today, Clocks.Now));

        // No row comes back for the keys the insert asks for, so the save reads as a clash: the SQL is what is tested.
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();

        var insert = server.Commands.Where(c => c.Contains("[PlacementFlags]", StringComparison.Ordinal)).ToList();
        insert.ShouldNotBeEmpty();
        insert[0].ShouldContain("INSERT", Case.Sensitive);
        server.ParseErrors().ShouldBeEmpty();
    }

    [Fact]
    public void The_script_quartz_runs_to_create_its_sql_server_tables_is_t_sql()
    {
        // The store provisions its own schema (ProvisionSchema) from the script in its assembly, split where a line
        // reads '--;;', with '{0}' and '{1}' the table prefix; the app keeps Quartz's default prefix.
        var quartz = typeof(Quartz.IScheduler).Assembly;
        var name = quartz.GetManifestResourceNames().Single(n => n.EndsWith("create_sqlServer.sql", StringComparison.Ordinal));
        using var stream = quartz.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", "QRTZ_", StringComparison.Ordinal).Replace("{1}", "QRTZ_", StringComparison.Ordinal);
        var statements = Separator().Split(script).Where(s => s.Split('\n').Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).ToList();

        statements.Count.ShouldBeGreaterThan(10);
        statements.SelectMany(OfflineSqlServer.ParseErrors).ShouldBeEmpty();
        script.ShouldContain("CREATE TABLE QRTZ_TRIGGERS", Case.Sensitive);
    }

    [GeneratedRegex(@"^--;;\r?$", RegexOptions.Multiline)]
    private static partial Regex Separator();

    // The nightly jobs' own reads, a batch at a time, and their tidying after the scan.
    private static async Task NightlyReviewsAsync(IServiceProvider services, List<string> failures)
    {
        foreach (var review in new[] { typeof(Apps.Placements.Flags.PlacementFlagReview), typeof(Apps.Conversions.ConversionPromptReview) })
        {
            foreach (var range in new[] { new PlacementRange(0, 1_000), new PlacementRange(0, 5_000) { Due = ArgumentVariants.ThousandsOfIds }, new PlacementRange(0, 10) { Due = [] } })
            {
                await using var scope = services.CreateAsyncScope();
                var job = (INightlyReview)scope.ServiceProvider.GetRequiredService(review);
                var error = await ErrorOf(() => job.ReviewAsync(range, new NightlyRun(Clocks.Today), CancellationToken.None));
                if (error is not null && IsTranslationFailure(error)) failures.Add($"{review.Name}.ReviewAsync: {error.Message}");
                error = await ErrorOf(() => job.TidyAsync(Clocks.Today, CancellationToken.None));
                if (error is not null && IsTranslationFailure(error)) failures.Add($"{review.Name}.TidyAsync: {error.Message}");
            }
        }
    }

    private static TestUser User(string who) => who switch
    {
        "hiring manager" => new TestUser("manager@test.local", [Apps.Common.Identity.Roles.HiringManager], ServiceAreaId: 1),
        "agency staff" => TestUser.AgencyStaff(1),
        _ => TestUser.Recruiter,
    };

    private static bool Awaitable(Type type) =>
        type == typeof(Task) || type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));

    private static async Task RunAsync(MethodInfo method, object service, object?[] arguments)
    {
        var result = method.Invoke(service, arguments);
        if (result is Task task)
        {
            await task;
            return;
        }
        var item = method.ReturnType.GetGenericArguments()[0];
        await (Task)typeof(SqlServerServiceQueryTests).GetMethod(nameof(DrainAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(item).Invoke(null, [result])!;
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> rows)
    {
        await foreach (var _ in rows)
        {
        }
    }

    // What the provider could not turn into SQL, or what reached for a server; the rest is a use case finding nothing.
    private static bool IsTranslationFailure(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is Microsoft.Data.SqlClient.SqlException) return true;
            if (current is InvalidOperationException && (current.Message.Contains("could not be translated", StringComparison.Ordinal)
                || current.Message.Contains("translat", StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }

    private static async Task<Exception?> ErrorOf(Func<Task> ask)
    {
        try
        {
            await ask();
            return null;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            return wrapped.InnerException;
        }
        catch (Exception error)
        {
            return error;
        }
    }
}
