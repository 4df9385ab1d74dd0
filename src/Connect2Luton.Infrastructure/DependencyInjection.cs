using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Infrastructure.Cluster;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Email;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Infrastructure.Persistence.Specifications;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Infrastructure.Scheduling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.SqlServer || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is SqlServer.")
            .ValidateOnStart();
        services.AddOptions<IdentitySeedOptions>().Bind(configuration.GetSection(IdentitySeedOptions.Section));

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ConnectionString(database, environment.ContentRootPath);
        services.AddDatabase(database, connectionString);

        services.TryAddScoped<ICurrentUser, SystemUser>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped(typeof(IReadRepository<>), typeof(EfReadRepository<>));
        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IRefusalLog, RefusalLog>();
        AddBulkInsert<PlacementFlag>(services);
        AddBulkInsert<ConversionPrompt>(services);
        AddBulkInsert<Scheduling.Dues.NightlyDue>(services);
        services.AddScoped<Application.Jobs.INightlyDues, Scheduling.Dues.NightlyDueStore>();

        // Kept in the app's database rather than on the node's disk: cookies issued before a restart, or by another
        // node on the same database, still read.
        var protection = services.AddDataProtection().SetApplicationName("Connect2Luton").PersistKeysToDbContext<AppDbContext>();
        // With a certificate named, the keys are kept encrypted with it: a copy of the database alone then forges no session.
        if (KeyCertificate.Load(configuration) is { } certificate) protection.ProtectKeysWithCertificate(certificate);
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Tokens.AuthenticatorTokenProvider = OneUseAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<ApplicationClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(OneUseAuthenticatorTokenProvider.Name);

        services.Configure<Application.Requisitions.RequisitionOptions>(configuration.GetSection(Application.Requisitions.RequisitionOptions.Section));
        services.AddSingleton<Application.Workers.ICouncilRegister, Workers.CouncilRegister>();
        services.AddSingleton<Application.Imports.ICsvFileReader, Imports.CsvHelperFileReader>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<Application.Users.IUserAccounts, UserAccounts>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<TwoFactor>();
        // Settings that would lock everyone out, or send the session to a provider over plain HTTP, stop the start with what to change.
        services.AddOptions<SignInSettings>().Bind(configuration.GetSection(SignInSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInSettings>, SignInOptionsValidation>();
        services.AddScoped<SingleSignOn>();
        // A session begun through the council's provider stays one across Identity's half-hourly refresh of the cookie,
        // which would otherwise drop how the user signed in (and so ask a single sign-on admin for an authenticator app).
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SingleSignOn.KeepSignInMethod);
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<VolumeSeeder>();
        services.AddScoped<SupplyChainVolumeSeeder>();
        services.AddScoped<TimesheetVolumeSeeder>();

        services.AddEmail(configuration);
        services.AddPolicies(configuration);
        services.AddCluster(configuration);
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddScheduling(configuration, database, connectionString);
        services.AddHealthChecks().AddCheck<RuleSetHealthCheck>("rules");
        return services;
    }

    // One staging list per unit of work, seen by the job as IBulkInsert<T> and by the unit of work as IStagedInserts.
    private static void AddBulkInsert<T>(IServiceCollection services) where T : class
    {
        services.AddScoped<BulkInsert<T>>();
        services.AddScoped<IBulkInsert<T>>(s => s.GetRequiredService<BulkInsert<T>>());
        services.AddScoped<IStagedInserts>(s => s.GetRequiredService<BulkInsert<T>>());
    }

    private static void AddDatabase(this IServiceCollection services, DatabaseOptions database, string connectionString)
    {
        services.AddSingleton<ChangeCountingInterceptor>();
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContext<AppDbContext, SqlServerAppDbContext>((provider, o) =>
                o.UseSqlServer(connectionString, sql =>
                    {
                        sql.UseCompatibilityLevel(database.SqlServerCompatibilityLevel);
                        if (database.RetryOnFailure) sql.EnableRetryOnFailure();
                    })
                    .EnableThreadSafetyChecks(database.ThreadSafetyChecks).AddInterceptors(provider.GetRequiredService<ChangeCountingInterceptor>()));
            return;
        }
        services.AddDbContext<AppDbContext, SqliteAppDbContext>((provider, o) =>
            SqliteAppDbContext.Configure(o, connectionString).EnableThreadSafetyChecks(database.ThreadSafetyChecks).AddInterceptors(new SqliteConnectionTuning(), provider.GetRequiredService<ChangeCountingInterceptor>()));
    }

    /// <summary>The database the app and its scheduler use: as configured, or for SQLite the file under the content root.</summary>
    private static string ConnectionString(DatabaseOptions database, string contentRoot)
    {
        if (database.Provider == DatabaseProvider.SqlServer || !string.IsNullOrWhiteSpace(database.ConnectionString)) return database.ConnectionString ?? string.Empty;
        var file = Path.GetFullPath(Path.Combine(contentRoot, database.SqliteFile));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // A writer waits up to 30 s for another to finish instead of failing at once with "database is locked".
        return new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString();
    }
}
