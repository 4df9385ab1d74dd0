using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Domain.SupplyAgencies;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>The supply agency form as posted: the margin as a percentage as typed ("8%" or "8").</summary>
public sealed class SupplyAgencyForm
{
    public string? Name { get; set; }

    [Display(Name = "Kind of supplier")]
    public string? Kind { get; set; }

    public string? MarginPercent { get; set; }

    [Display(Name = "Based in Luton")]
    public bool IsLocal { get; set; }

    public string? DpsReference { get; set; }

    [Display(Name = "Confirms it works to the DfE agency rules")]
    public bool ConfirmsDfeAgencyRules { get; set; }

    public SupplyAgencyInput Read(ModelStateDictionary modelState) =>
        new(Name, FormReading.Choice<SupplyAgencyKind>(Kind), modelState.Percent("Input.MarginPercent", MarginPercent, "The margin"), IsLocal, DpsReference, ConfirmsDfeAgencyRules);

    public static SupplyAgencyForm From(SupplyAgencyRow agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return new SupplyAgencyForm
        {
            Name = agency.Name,
            Kind = agency.Kind.ToString(),
            MarginPercent = Percentage(agency.MarginRate),
            IsLocal = agency.IsLocal,
            DpsReference = agency.DpsReference,
            ConfirmsDfeAgencyRules = agency.ConfirmsDfeAgencyRules,
        };
    }

    /// <summary>A margin kept as a fraction, as people read it: 0.08 is "8.00".</summary>
    public static string Percentage(decimal marginRate) => (marginRate * 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
