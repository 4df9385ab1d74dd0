using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Imports;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Imports;

/// <summary>
/// A real database with what a council sets up before bringing data in (a children's service, a social worker role,
/// a housing role graded D, an agency and a hiring manager), and the app's services over it as an admin.
/// </summary>
public abstract class ImportFixture : IAsyncLifetime
{
    public static readonly TestUser Admin = new("admin@test.local", [Roles.Admin]);

    protected SqliteTestDatabase Database { get; private set; } = null!;
    protected ReferenceData Where { get; private set; } = null!;
    protected Domain.JobRoles.JobRole Housing { get; private set; } = null!;
    protected ServiceProvider Services { get; private set; } = null!;

    /// <summary>Changes to the services before they are built (a unit of work that fails part-way).</summary>
    protected virtual void Configure(IServiceCollection services) { }

    public virtual async Task InitializeAsync()
    {
        Database = await SqliteTestDatabase.CreateAsync();
        await using (var data = TestData.Open(Database))
        {
            var area = A.ServiceArea("CSC", childrens: true);
            Where = await ReferenceData.SaveAsync(data, area, A.SocialWorkerRole());
            Housing = A.Role(Domain.JobRoles.JobFamily.Housing);
            data.Add(Housing);
            await data.SaveAsync();
        }
        Services = TestServices.For(Database, user: Admin, configure: Configure);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected static DateOnly Today => Clocks.Today;

    protected async Task<CommandResult> UploadAsync(ImportKind kind, byte[] file, string name = "file.csv")
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataImports>().UploadAsync(kind, name, file.Length, new MemoryStream(file), CancellationToken.None);
    }

    protected async Task<ImportPreview> PreviewAsync(int id)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DataImports>().PreviewAsync(id, CancellationToken.None)).ShouldNotBeNull();
    }

    protected async Task<ImportConfirmation> ConfirmAsync(int id, string? version)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataImports>().ConfirmAsync(id, version, CancellationToken.None);
    }

    /// <summary>Uploaded, previewed and confirmed as the preview stood; the preview it was confirmed on.</summary>
    protected async Task<ImportPreview> ImportAsync(ImportKind kind, byte[] file)
    {
        var upload = await UploadAsync(kind, file);
        upload.Status.ShouldBe(CommandStatus.Done, string.Join("; ", upload.Errors.Values));
        var preview = await PreviewAsync(upload.Id);
        var confirmed = await ConfirmAsync(upload.Id, preview.Version);
        confirmed.Result.Status.ShouldBe(CommandStatus.Done, confirmed.Result.Message);
        return preview;
    }

    protected async Task<List<TResult>> ListAsync<T, TResult>(Application.Common.Specifications.Specification<T, TResult> spec) where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReadRepository<T>>().ListAsync(spec);
    }

    protected async Task<int> CountAsync<T>(Application.Common.Specifications.Specification<T> spec) where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReadRepository<T>>().CountAsync(spec);
    }

    protected List<Dictionary<string, string>> Workers(int count) => ImportFiles.Workers(count, Where.Agency.Name, Today);
}
