using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Validation;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.SupplyAgencies;

/// <summary>A supplier as an admin keys it in: the margin as a percentage, as people say it (8 is 8%).</summary>
/// <param name="ConfirmsDfeAgencyRules">It confirms it works to the DfE agency rules, so the release rules may offer it children's social work.</param>
public sealed record SupplyAgencyInput(string? Name, SupplyAgencyKind? Kind, decimal? MarginPercent, bool IsLocal, string? DpsReference, bool ConfirmsDfeAgencyRules = false)
{
    /// <summary>Names kept on one line, with single spaces, so two that read the same are the same.</summary>
    public SupplyAgencyInput Tidied() => this with { Name = TextFormats.OneLine(Name), DpsReference = TextFormats.OneLine(DpsReference) };
}

/// <summary>A supplier as the admin pages list and open it; <paramref name="MarginRate"/> is a fraction (0.08 is 8%).</summary>
public sealed record SupplyAgencyRow(int Id, int Version, string Name, SupplyAgencyKind Kind, decimal MarginRate, bool IsLocal, string? DpsReference, bool IsActive, bool ConfirmsDfeAgencyRules);

/// <summary>Every supplier, active or not, by name.</summary>
public sealed class SupplyAgencyRowsSpec : Specification<SupplyAgency, SupplyAgencyRow>
{
    public SupplyAgencyRowsSpec(int? id = null)
    {
        if (id is { } only) Query.Where(a => a.Id == only);
        Query.OrderBy(a => a.Name);
        Query.Select(a => new SupplyAgencyRow(a.Id, a.Version, a.Name, a.Kind, a.MarginRate, a.IsLocal, a.DpsReference, a.IsActive, a.ConfirmsDfeAgencyRules));
    }
}

/// <summary>
/// Admins add the in-house pool and the agencies that supply workers (with whether each confirms it works to the DfE
/// agency rules, which decides whether it is offered children's social work), correct them, and deactivate those no longer
/// used (and bring them back). An agency is never deleted: the workers it supplied and their placements keep naming
/// it, and a placement keeps the rates it was booked at. Each change is saved against the version the admin read,
/// and goes on the audit trail with the save.
/// </summary>
public sealed class SupplyAgencyAdministration(IRepository<SupplyAgency> agencies, IUnitOfWork unitOfWork, ICurrentUser user)
{
    public static class Fields
    {
        public const string Name = nameof(SupplyAgencyInput.Name);
        public const string Kind = nameof(SupplyAgencyInput.Kind);
        public const string MarginPercent = nameof(SupplyAgencyInput.MarginPercent);
        public const string DpsReference = nameof(SupplyAgencyInput.DpsReference);
    }

    public async Task<IReadOnlyList<SupplyAgencyRow>> ListAsync(CancellationToken cancellationToken) =>
        await agencies.ListAsync(new SupplyAgencyRowsSpec(), cancellationToken);

    public async Task<SupplyAgencyRow?> FindAsync(int id, CancellationToken cancellationToken) =>
        await agencies.FirstOrDefaultAsync(new SupplyAgencyRowsSpec(id), cancellationToken);

    public async Task<CommandResult> CreateAsync(SupplyAgencyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins add supply agencies.");
        var errors = await ProblemsAsync(input, null, cancellationToken);
        if (errors.Any) return errors.ToResult();

        var agency = new SupplyAgency(input.Name!, input.Kind!.Value, MarginRate(input), input.IsLocal, input.DpsReference);
        agency.RecordDfeAgencyRules(input.ConfirmsDfeAgencyRules);
        agencies.Add(agency);
        return await SaveAsync(agency, cancellationToken);
    }

    public async Task<CommandResult> ChangeAsync(int id, int version, SupplyAgencyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins change supply agencies.");
        if (await agencies.GetByIdAsync(id, cancellationToken) is not { } agency) return CommandResult.NotFound();
        var errors = await ProblemsAsync(input, id, cancellationToken);
        if (errors.Any) return errors.ToResult();

        agencies.ExpectVersion(agency, version);
        agency.Change(input.Name!, input.Kind!.Value, MarginRate(input), input.IsLocal, input.DpsReference);
        agency.RecordDfeAgencyRules(input.ConfirmsDfeAgencyRules);
        return await SaveAsync(agency, cancellationToken);
    }

    /// <summary>
    /// Deactivated, the agency is no longer offered for new workers; the workers it supplied stay with it, and can
    /// still be shortlisted and booked. Reactivated, it is offered again.
    /// </summary>
    public async Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken)
    {
        if (!MayManage) return CommandResult.Forbidden("Only admins deactivate supply agencies.");
        if (await agencies.GetByIdAsync(id, cancellationToken) is not { } agency) return CommandResult.NotFound();
        if (agency.IsActive == active) return CommandResult.Conflict(active ? $"{agency.Name} is active already." : $"{agency.Name} is deactivated already.");
        agencies.ExpectVersion(agency, version);
        if (active) agency.Reactivate();
        else agency.Deactivate();
        return await SaveAsync(agency, cancellationToken);
    }

    private bool MayManage => user.May(Permissions.ManageReferenceData);

    private static decimal MarginRate(SupplyAgencyInput input) => input.MarginPercent!.Value / 100m;

    /// <summary>Every message the form would get, saving nothing: for a form some of whose values could not be read.</summary>
    /// <param name="id">The agency being changed; null for a new one.</param>
    public async Task<CommandResult> CheckAsync(SupplyAgencyInput input, int? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        return MayManage ? (await ProblemsAsync(input, id, cancellationToken)).ToResult() : CommandResult.Forbidden("Only admins keep supply agencies.");
    }

    private async Task<FieldErrors> ProblemsAsync(SupplyAgencyInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required(Fields.Name, input.Name, "Enter the agency's name");
        errors.Name(Fields.Name, input.Name, Limits.Name, "The name");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(Fields.Kind, "Select what kind of supplier it is");
        if (input.MarginPercent is not { } margin) errors.Add(Fields.MarginPercent, "Enter the agency's margin, like 8%");
        else
        {
            // The margin is kept to four places of a fraction: two of a percentage.
            if (margin is < 0m or >= 100m) errors.Add(Fields.MarginPercent, "The margin must be at least 0% and less than 100%");
            errors.Places(Fields.MarginPercent, margin, 2, "Enter the margin to 2 decimal places at most, like 8.25%");
        }
        errors.Name(Fields.DpsReference, input.DpsReference, Limits.Reference, "The DPS reference");

        if (!errors.Has(Fields.Name)
            && (await agencies.ListAsync(new SupplyAgencyRowsSpec(), cancellationToken)).Find(a => a.Id != id && string.Equals(a.Name, input.Name!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } same)
            errors.Add(Fields.Name, $"There is already an agency called {same.Name}{(same.IsActive ? string.Empty : " (deactivated)")}: enter another name");
        return errors;
    }

    private async Task<CommandResult> SaveAsync(SupplyAgency agency, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(agency.Id);
    }
}
