using System.Reflection;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Connect2Luton.Infrastructure.Tests.SqlServer;

/// <summary>
/// No SQL Server runs here, so every question the app asks is put to the SQL Server provider with no server behind
/// it: what it writes must be T-SQL, and no query may run while another's reader is open (SQL Server without MARS
/// refuses that, where SQLite does not mind).
/// </summary>
public sealed class SqlServerTranslationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_specification_with_each_argument_variant_translates_to_t_sql_through_the_apps_repository()
    {
        var server = new OfflineSqlServer();
        await using var services = server.Services();
        var failures = new List<string>();
        var specifications = SpecificationTypes().ToList();
        var variants = 0;

        foreach (var type in specifications)
        {
            var constructors = ArgumentVariants.WaysToMake(type).ToList();
            if (constructors.Count == 0) failures.Add($"{type.Name}: no public constructor or factory to build it with");
            foreach (var constructor in constructors)
            {
                IReadOnlyList<Variant[]> calls;
                try
                {
                    calls = ArgumentVariants.Of(constructor);
                }
                catch (NotSupportedException unknown)
                {
                    failures.Add($"{type.Name}: {unknown.Message}");
                    continue;
                }
                var built = 0;
                foreach (var call in calls)
                {
                    object specification;
                    try
                    {
                        specification = ArgumentVariants.Make(constructor, call);
                    }
                    catch (Exception error) when (ArgumentVariants.IsRefusal(error))
                    {
                        continue;
                    }
                    built++;
                    variants++;
                    var asked = $"{type.Name}{(constructor is ConstructorInfo ? "" : "." + constructor.Name)}({ArgumentVariants.Describe(call)})";
                    await using var scope = services.CreateAsyncScope();
                    foreach (var (way, error) in await AskEveryWayAsync(scope.ServiceProvider, specification))
                    {
                        if (error is not null) failures.Add($"{asked} {way}: {error.GetType().Name}: {error.Message}");
                    }
                    if (!server.SecondReaders.IsEmpty)
                    {
                        failures.Add($"{asked}: a query ran while another's reader was open: {string.Join(" / ", server.SecondReaders)}");
                        server.SecondReaders.Clear();
                    }
                }
                if (built == 0) failures.Add($"{type.Name}: none of the argument variants built it ({calls.Count} tried)");
            }
        }

        var parseErrors = server.ParseErrors();
        output.WriteLine($"{specifications.Count} specifications in {variants} argument variants: {server.Commands.Count} translations to T-SQL");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        parseErrors.ShouldBeEmpty(string.Join(Environment.NewLine, parseErrors));
        specifications.Count.ShouldBeGreaterThan(150, "specifications are found by reflection; this many were there when the test was written");
        server.Commands.Count.ShouldBeGreaterThan(5_000);
    }

    /// <summary>Every non-abstract specification in the application, wherever its feature folder is.</summary>
    private static IEnumerable<Type> SpecificationTypes() =>
        typeof(Specification<>).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && SubjectOf(t) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static Type[]? SubjectOf(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Specification<,>)) return current.GetGenericArguments();
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Specification<>)) return current.GetGenericArguments();
        }
        return null;
    }

    private static Task<List<(string Way, Exception? Error)>> AskEveryWayAsync(IServiceProvider services, object specification)
    {
        var subject = SubjectOf(specification.GetType())!;
        var method = subject.Length == 2
            ? typeof(SqlServerTranslationTests).GetMethod(nameof(AskProjectionAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(subject)
            : typeof(SqlServerTranslationTests).GetMethod(nameof(AskEntitiesAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(subject);
        return (Task<List<(string, Exception?)>>)method.Invoke(null, [services, specification])!;
    }

    private static async Task<List<(string, Exception?)>> AskEntitiesAsync<T>(IServiceProvider services, ISpecification<T> specification) where T : class
    {
        var repository = services.GetRequiredService<IReadRepository<T>>();
        return
        [
            ("ListAsync", await ErrorOf(() => repository.ListAsync(specification))),
            ("FirstOrDefaultAsync", await ErrorOf(() => repository.FirstOrDefaultAsync(specification))),
            .. await CriteriaAsync(repository, specification),
        ];
    }

    private static async Task<List<(string, Exception?)>> AskProjectionAsync<T, TResult>(IServiceProvider services, ISpecification<T, TResult> specification) where T : class
    {
        var repository = services.GetRequiredService<IReadRepository<T>>();
        return
        [
            ("ListAsync", await ErrorOf(() => repository.ListAsync(specification))),
            ("FirstOrDefaultAsync", await ErrorOf(() => repository.FirstOrDefaultAsync(specification))),
            ("StreamAsync", await ErrorOf(async () =>
            {
                await foreach (var _ in repository.StreamAsync(specification))
                {
                }
            })),
            .. await CriteriaAsync(repository, specification),
        ];
    }

    private static async Task<List<(string, Exception?)>> CriteriaAsync<T>(IReadRepository<T> repository, ISpecification<T> specification) where T : class =>
    [
        ("CountAsync", await ErrorOf(() => repository.CountAsync(specification))),
        ("AnyAsync", await ErrorOf(() => repository.AnyAsync(specification))),
    ];

    // A translation failure is an InvalidOperationException from EF; anything the query throws is a failure all the same.
    private static async Task<Exception?> ErrorOf(Func<Task> ask)
    {
        try
        {
            await ask();
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }
}
