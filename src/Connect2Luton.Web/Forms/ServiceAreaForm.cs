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

    /// <summary>The organisation chosen, as the list posts it: the council unless another is chosen.</summary>
    public string? HiringOrganisationId { get; set; } = Domain.HiringOrganisations.HiringOrganisation.CouncilId.ToString(CultureInfo.InvariantCulture);

    public ServiceAreaInput Read(ModelStateDictionary modelState) =>
        new(Code, Name, Directorate, IsChildrensServices, modelState.Number("Input.EstablishmentFte", EstablishmentFte, "The establishment"), Organisation);

    // None chosen, or something the list never offered, is no organisation: said at the field, never saved as the council.
    private int? Organisation => FormReading.Choice(HiringOrganisationId);

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
