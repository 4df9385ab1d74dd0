using System.Globalization;
using System.Text.RegularExpressions;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Validation;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.ServiceAreas;

namespace Connect2Luton.Application.ServiceAreas;

/// <summary>A service as an admin keys it in.</summary>
public sealed record ServiceAreaInput(string? Code, string? Name, string? Directorate, bool IsChildrensServices, decimal? EstablishmentFte,
    int? HiringOrganisationId = Domain.HiringOrganisations.HiringOrganisation.CouncilId)
{
    /// <summary>Names kept on one line, with single spaces, so two that read the same are the same.</summary>
    public ServiceAreaInput Tidied() => this with { Code = TextFormats.OneLine(Code), Name = TextFormats.OneLine(Name), Directorate = TextFormats.OneLine(Directorate) };
}

/// <summary>A service as the admin pages list and open it.</summary>
public sealed record ServiceAreaRow(
    int Id, int Version, string Code, string Name, string Directorate, bool IsChildrensServices, decimal? EstablishmentFte, bool IsActive,
    int HiringOrganisationId = Domain.HiringOrganisations.HiringOrganisation.CouncilId);

/// <summary>Every service, active or not, by name.</summary>
public sealed class ServiceAreaRowsSpec : Specification<ServiceArea, ServiceAreaRow>
{
    public ServiceAreaRowsSpec(int? id = null)
    {
        if (id is { } only) Query.Where(a => a.Id == only);
        Query.OrderBy(a => a.Name);
        Query.Select(a => new ServiceAreaRow(a.Id, a.Version, a.Code, a.Name, a.Directorate, a.IsChildrensServices, a.EstablishmentFte, a.IsActive, a.HiringOrganisationId));
    }
}

/// <summary>
/// Admins add services, correct them, and deactivate those that stop hiring (and bring them back). A service is
/// never deleted: requisitions, placements, hiring managers and figures keep pointing at it. Each change is saved
/// against the version the admin read, and goes on the audit trail with the save.
/// </summary>
public sealed partial class ServiceAreaAdministration(IRepository<ServiceArea> areas, IReadRepository<Domain.HiringOrganisations.HiringOrganisation> organisations, IUnitOfWork unitOfWork, ICurrentUser user)
{
    public const decimal MostEstablishmentFte = 100_000m;

    public static class Fields
    {
        public const string Code = nameof(ServiceAreaInput.Code);
        public const string Name = nameof(ServiceAreaInput.Name);
        public const string Directorate = nameof(ServiceAreaInput.Directorate);
        public const string EstablishmentFte = nameof(ServiceAreaInput.EstablishmentFte);
        public const string HiringOrganisation = nameof(ServiceAreaInput.HiringOrganisationId);
    }

    public async Task<IReadOnlyList<ServiceAreaRow>> ListAsync(CancellationToken cancellationToken) =>
        await areas.ListAsync(new ServiceAreaRowsSpec(), cancellationToken);

    public async Task<ServiceAreaRow?> FindAsync(int id, CancellationToken cancellationToken) =>
        await areas.FirstOrDefaultAsync(new ServiceAreaRowsSpec(id), cancellationToken);

    public async Task<CommandResult> CreateAsync(ServiceAreaInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins add services.");
        var errors = await ProblemsAsync(input, null, cancellationToken);
        if (errors.Any) return errors.ToResult();

        var area = new ServiceArea(input.Code!, input.Name!, input.Directorate!, input.IsChildrensServices, input.EstablishmentFte);
        area.MoveTo(input.HiringOrganisationId!.Value);
        areas.Add(area);
        return await SaveAsync(area, cancellationToken);
    }

    public async Task<CommandResult> ChangeAsync(int id, int version, ServiceAreaInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins change services.");
        if (await areas.GetByIdAsync(id, cancellationToken) is not { } area) return CommandResult.NotFound();
        var errors = await ProblemsAsync(input, id, cancellationToken);
        if (errors.Any) return errors.ToResult();

        areas.ExpectVersion(area, version);
        area.Change(input.Code!, input.Name!, input.Directorate!, input.IsChildrensServices, input.EstablishmentFte);
        area.MoveTo(input.HiringOrganisationId!.Value);
        return await SaveAsync(area, cancellationToken);
    }

    /// <summary>
    /// Deactivated, the service is no longer offered for new requisitions or hiring managers; what it raised, its
    /// placements and its hiring managers carry on as they are. Reactivated, it is offered again.
    /// </summary>
    public async Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken)
    {
        if (!MayManage) return CommandResult.Forbidden("Only admins deactivate services.");
        if (await areas.GetByIdAsync(id, cancellationToken) is not { } area) return CommandResult.NotFound();
        if (area.IsActive == active) return CommandResult.Conflict(active ? $"{area.Name} is active already." : $"{area.Name} is deactivated already.");
        areas.ExpectVersion(area, version);
        if (active) area.Reactivate();
        else area.Deactivate();
        return await SaveAsync(area, cancellationToken);
    }

    private bool MayManage => user.May(Permissions.ManageReferenceData);

    /// <summary>Every message the form would get, saving nothing: for a form some of whose values could not be read.</summary>
    /// <param name="id">The service being changed; null for a new one.</param>
    public async Task<CommandResult> CheckAsync(ServiceAreaInput input, int? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        return MayManage ? (await ProblemsAsync(input, id, cancellationToken)).ToResult() : CommandResult.Forbidden("Only admins keep services.");
    }

    private async Task<FieldErrors> ProblemsAsync(ServiceAreaInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required(Fields.Code, input.Code, "Enter the service's code, like CSC");
        errors.Text(Fields.Code, input.Code, Limits.Code, "The code");
        if (!errors.Has(Fields.Code) && !CodeShape().IsMatch(input.Code!.Trim()))
            errors.Add(Fields.Code, "The code must be letters, numbers and hyphens only, like CSC");
        errors.Required(Fields.Name, input.Name, "Enter the service's name");
        errors.Name(Fields.Name, input.Name, Limits.Name, "The name");
        errors.Required(Fields.Directorate, input.Directorate, "Enter the directorate the service is in");
        errors.Name(Fields.Directorate, input.Directorate, Limits.Name, "The directorate");
        if (input.EstablishmentFte is { } fte)
        {
            errors.Range(Fields.EstablishmentFte, fte, 0m, MostEstablishmentFte,
                $"The establishment must be between 0 and {MostEstablishmentFte.ToString("N0", CultureInfo.InvariantCulture)} full-time posts");
            errors.Places(Fields.EstablishmentFte, fte, 2, "Enter the establishment to 2 decimal places at most, like 86.5");
        }

        var chosen = input.HiringOrganisationId is { } organisationId
            ? await organisations.FirstOrDefaultAsync(new HiringOrganisations.HiringOrganisationRowsSpec(organisationId), cancellationToken) : null;
        var current = id is { } areaId ? (await areas.FirstOrDefaultAsync(new ServiceAreaRowsSpec(areaId), cancellationToken))?.HiringOrganisationId : null;
        if (chosen is null) errors.Add(Fields.HiringOrganisation, "Choose the organisation the service belongs to");
        else if (!chosen.IsActive && chosen.Id != current) errors.Add(Fields.HiringOrganisation, $"{chosen.Name} no longer hires through Connect2Luton: choose another organisation");

        // Codes are kept in capitals and names compared as people read them: "Housing" and "HOUSING" are one service.
        var others = (await areas.ListAsync(new ServiceAreaRowsSpec(), cancellationToken)).Where(a => a.Id != id).ToList();
        if (!errors.Has(Fields.Code) && others.Find(a => string.Equals(a.Code, input.Code!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } sameCode)
            errors.Add(Fields.Code, $"{sameCode.Name}{Deactivated(sameCode)} already has the code {sameCode.Code}: enter another");
        if (!errors.Has(Fields.Name) && others.Find(a => string.Equals(a.Name, input.Name!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } sameName)
            errors.Add(Fields.Name, $"There is already a service called {sameName.Name}{Deactivated(sameName)}: enter another name");
        return errors;
    }

    private static string Deactivated(ServiceAreaRow row) => row.IsActive ? string.Empty : " (deactivated)";

    private async Task<CommandResult> SaveAsync(ServiceArea area, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(area.Id);
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();
}
