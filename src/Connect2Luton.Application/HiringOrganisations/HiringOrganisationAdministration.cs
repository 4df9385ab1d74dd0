using System.Globalization;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Validation;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.HiringOrganisations;

namespace Connect2Luton.Application.HiringOrganisations;

/// <summary>An organisation as an admin keys it in. The margin adjustment is a fraction (0.02 for 2 percentage points).</summary>
public sealed record HiringOrganisationInput(string? Name, string? InvoiceAddress, string? InvoiceContact, string? InvoiceEmail, bool PurchaseOrderRequired, decimal? MarginAdjustment)
{
    /// <summary>Names kept on one line, with single spaces, so two that read the same are the same; the address keeps its lines.</summary>
    public HiringOrganisationInput Tidied() => this with { Name = TextFormats.OneLine(Name), InvoiceContact = TextFormats.OneLine(InvoiceContact), InvoiceEmail = InvoiceEmail?.Trim() };
}

/// <summary>An organisation as the admin pages list and open it.</summary>
public sealed record HiringOrganisationRow(
    int Id, int Version, string Name, string InvoiceAddress, string InvoiceContact, string InvoiceEmail, bool PurchaseOrderRequired, decimal MarginAdjustment, bool IsActive)
{
    public bool IsCouncil => Id == HiringOrganisation.CouncilId;
}

/// <summary>Every organisation, active or not, the council first and then by name.</summary>
public sealed class HiringOrganisationRowsSpec : Specification<HiringOrganisation, HiringOrganisationRow>
{
    public HiringOrganisationRowsSpec(int? id = null)
    {
        if (id is { } only) Query.Where(o => o.Id == only);
        Query.OrderBy(o => o.Id != HiringOrganisation.CouncilId).ThenBy(o => o.Name);
        Query.Select(o => new HiringOrganisationRow(o.Id, o.Version, o.Name, o.InvoiceAddress, o.InvoiceContact, o.InvoiceEmail, o.PurchaseOrderRequired, o.MarginAdjustment, o.IsActive));
    }
}

/// <summary>
/// Admins add the organisations that hire through Connect2Luton, keep their invoice details and charge terms, and
/// deactivate those that stop (the council never stops). Saved against the version the admin read.
/// </summary>
public sealed class HiringOrganisationAdministration(IRepository<HiringOrganisation> organisations, IUnitOfWork unitOfWork, ICurrentUser user)
{
    public static class Fields
    {
        public const string Name = nameof(HiringOrganisationInput.Name);
        public const string InvoiceAddress = nameof(HiringOrganisationInput.InvoiceAddress);
        public const string InvoiceContact = nameof(HiringOrganisationInput.InvoiceContact);
        public const string InvoiceEmail = nameof(HiringOrganisationInput.InvoiceEmail);
        public const string MarginAdjustment = nameof(HiringOrganisationInput.MarginAdjustment);
    }

    public async Task<IReadOnlyList<HiringOrganisationRow>> ListAsync(CancellationToken cancellationToken) =>
        await organisations.ListAsync(new HiringOrganisationRowsSpec(), cancellationToken);

    public async Task<HiringOrganisationRow?> FindAsync(int id, CancellationToken cancellationToken) =>
        await organisations.FirstOrDefaultAsync(new HiringOrganisationRowsSpec(id), cancellationToken);

    public async Task<CommandResult> CreateAsync(HiringOrganisationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins add hiring organisations.");
        var errors = await ProblemsAsync(input, null, cancellationToken);
        if (errors.Any) return errors.ToResult();

        var organisation = new HiringOrganisation(input.Name!, input.InvoiceAddress!.Trim(), input.InvoiceContact!, input.InvoiceEmail!, input.PurchaseOrderRequired, input.MarginAdjustment ?? 0m);
        organisations.Add(organisation);
        return await SaveAsync(organisation, cancellationToken);
    }

    public async Task<CommandResult> ChangeAsync(int id, int version, HiringOrganisationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        if (!MayManage) return CommandResult.Forbidden("Only admins change hiring organisations.");
        if (await organisations.GetByIdAsync(id, cancellationToken) is not { } organisation) return CommandResult.NotFound();
        var errors = await ProblemsAsync(input, id, cancellationToken);
        if (errors.Any) return errors.ToResult();

        organisations.ExpectVersion(organisation, version);
        organisation.Change(input.Name!, input.InvoiceAddress!.Trim(), input.InvoiceContact!, input.InvoiceEmail!, input.PurchaseOrderRequired, input.MarginAdjustment ?? 0m);
        return await SaveAsync(organisation, cancellationToken);
    }

    /// <summary>Deactivated, its services take no new requisitions from it through new choices; what it hired carries on. The council is never deactivated.</summary>
    public async Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken)
    {
        if (!MayManage) return CommandResult.Forbidden("Only admins deactivate hiring organisations.");
        if (await organisations.GetByIdAsync(id, cancellationToken) is not { } organisation) return CommandResult.NotFound();
        if (!active && organisation.Id == HiringOrganisation.CouncilId) return CommandResult.Conflict("The council always hires through Connect2Luton: it cannot be deactivated.");
        if (organisation.IsActive == active) return CommandResult.Conflict(active ? $"{organisation.Name} is active already." : $"{organisation.Name} is deactivated already.");
        organisations.ExpectVersion(organisation, version);
        if (active) organisation.Reactivate();
        else organisation.Deactivate();
        return await SaveAsync(organisation, cancellationToken);
    }

    /// <summary>Every message the form would get, saving nothing: for a form some of whose values could not be read.</summary>
    public async Task<CommandResult> CheckAsync(HiringOrganisationInput input, int? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = input.Tidied();
        return MayManage ? (await ProblemsAsync(input, id, cancellationToken)).ToResult() : CommandResult.Forbidden("Only admins keep hiring organisations.");
    }

    private bool MayManage => user.May(Permissions.ManageReferenceData);

    private async Task<FieldErrors> ProblemsAsync(HiringOrganisationInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required(Fields.Name, input.Name, "Enter the organisation's name");
        errors.Name(Fields.Name, input.Name, Limits.Name, "The name");
        errors.Required(Fields.InvoiceAddress, input.InvoiceAddress, "Enter the address invoices go to");
        errors.Text(Fields.InvoiceAddress, input.InvoiceAddress, Limits.Reason, "The invoice address");
        errors.Required(Fields.InvoiceContact, input.InvoiceContact, "Enter who invoices go to, a person or a team");
        errors.Name(Fields.InvoiceContact, input.InvoiceContact, Limits.Name, "The invoice contact");
        errors.Required(Fields.InvoiceEmail, input.InvoiceEmail, "Enter the email address invoices are sent to");
        errors.Text(Fields.InvoiceEmail, input.InvoiceEmail, Limits.Email, "The invoice email");
        if (!errors.Has(Fields.InvoiceEmail) && !TextFormats.IsEmail(input.InvoiceEmail))
            errors.Add(Fields.InvoiceEmail, "Enter an email address in the right form, like accounts@trust.org.uk");
        if (input.MarginAdjustment is { } adjustment)
        {
            errors.Range(Fields.MarginAdjustment, adjustment, -HiringOrganisation.MostMarginAdjustment, HiringOrganisation.MostMarginAdjustment,
                "The margin adjustment must be between -10% and 10%");
            errors.Places(Fields.MarginAdjustment, adjustment, 4, "Enter the margin adjustment to 2 decimal places of a percent at most, like 1.5%");
        }
        var others = (await organisations.ListAsync(new HiringOrganisationRowsSpec(), cancellationToken)).Where(o => o.Id != id).ToList();
        if (!errors.Has(Fields.Name) && others.Find(o => string.Equals(o.Name, input.Name!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } same)
            errors.Add(Fields.Name, $"There is already an organisation called {same.Name}{(same.IsActive ? "" : " (deactivated)")}: enter another name");
        return errors;
    }

    private async Task<CommandResult> SaveAsync(HiringOrganisation organisation, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(organisation.Id);
    }

    /// <summary>A margin adjustment as people write it: "+2%", "-1.5%", "0%".</summary>
    public static string PercentText(decimal adjustment) =>
        (adjustment > 0 ? "+" : "") + (adjustment * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
