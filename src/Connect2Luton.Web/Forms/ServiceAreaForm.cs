using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.ServiceAreas;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>The service area form as posted: the establishment as typed, read with a message at the field.</summary>
public sealed class ServiceAreaForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Directorate { get; set; }

    [Display(Name = "Children's services")]
    public bool IsChildrensServices { get; set; }

    public string? EstablishmentFte { get; set; }

    /// <summary>The organisation chosen, as the list posts it.</summary>
    public string? HiringOrganisationId { get; set; }

    public ServiceAreaInput Read(ModelStateDictionary modelState) =>
        new(Code, Name, Directorate, IsChildrensServices, modelState.Number("Input.EstablishmentFte", EstablishmentFte, "The establishment"), Organisation);

    // None chosen is the council, as every service was before there were others; something the list never offered is no organisation.
    private int? Organisation => string.IsNullOrWhiteSpace(HiringOrganisationId)
        ? Domain.HiringOrganisations.HiringOrganisation.CouncilId
        : FormReading.Choice(HiringOrganisationId);

    public static ServiceAreaForm From(ServiceAreaRow area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return new ServiceAreaForm
        {
            Code = area.Code,
            Name = area.Name,
            Directorate = area.Directorate,
            IsChildrensServices = area.IsChildrensServices,
            EstablishmentFte = area.EstablishmentFte?.ToString("0.##", CultureInfo.InvariantCulture),
            HiringOrganisationId = area.HiringOrganisationId.ToString(CultureInfo.InvariantCulture),
        };
    }
}
