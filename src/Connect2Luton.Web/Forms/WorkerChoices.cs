using Connect2Luton.Application.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Forms;

/// <summary>The lists the worker form offers.</summary>
public sealed class WorkerChoices(ReferenceNames names)
{
    public IReadOnlyList<SelectListItem> JobFamilies { get; } =
        Enum.GetValues<JobFamily>().Select(f => new SelectListItem(Words.Of(f), f.ToString())).ToList();

    public IReadOnlyList<SelectListItem> DbsLevels { get; } =
        Enum.GetValues<DbsLevel>().Select(l => new SelectListItem(Words.Dbs(l), l.ToString())).ToList();

    public IReadOnlyList<SelectListItem> RegistrationBodies { get; } =
    [
        new("Social Work England", nameof(RegistrationBody.SocialWorkEngland)),
        new("Health and Care Professions Council", nameof(RegistrationBody.HealthAndCareProfessionsCouncil)),
        new("Nursing and Midwifery Council", nameof(RegistrationBody.NursingAndMidwiferyCouncil)),
    ];

    public IReadOnlyList<SelectListItem> SupplyAgencies { get; private set; } = [];

    public Task<WorkerChoices> LoadAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);

    /// <summary>The agencies in use; for a worker already in the pool, also the one supplying them now (<paramref name="supplyingAgencyId"/>), though deactivated since.</summary>
    public async Task<WorkerChoices> LoadAsync(int? supplyingAgencyId, CancellationToken cancellationToken)
    {
        SupplyAgencies = (await names.SupplyAgenciesAsync(cancellationToken))
            .Where(a => a.IsActive || a.Id == supplyingAgencyId)
            .Select(a => new SelectListItem(a.IsActive ? a.Name : $"{a.Name} (no longer used)", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return this;
    }
}

/// <summary>What the shared worker fields partial needs from the page that shows it.</summary>
public interface IWorkerFormPage
{
    WorkerForm Input { get; }
    WorkerChoices Choices { get; }

    /// <summary>An agency keeping its own candidate's record: the agency is theirs, and a date of birth is asked for.</summary>
    bool KeptByAnAgency => false;
}
