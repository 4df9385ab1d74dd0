using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.HiringOrganisations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>The hiring organisation form as posted: the margin adjustment as a percentage typed ("2", "+1.5%", "-1%").</summary>
public sealed class HiringOrganisationForm
{
    public string? Name { get; set; }
    public string? InvoiceAddress { get; set; }
    public string? InvoiceContact { get; set; }
    public string? InvoiceEmail { get; set; }

    [Display(Name = "Purchase order needed")]
    public bool PurchaseOrderRequired { get; set; }

    public string? MarginAdjustment { get; set; }

    public HiringOrganisationInput Read(ModelStateDictionary modelState) =>
        new(Name, InvoiceAddress, InvoiceContact, InvoiceEmail, PurchaseOrderRequired,
            modelState.Percent("Input.MarginAdjustment", Unsigned(MarginAdjustment), "The margin adjustment") / 100m);

    // "+2" is 2; one plus sign in front of a number, and no more ("+-5" is not a number).
    private static string? Unsigned(string? typed) =>
        typed?.Trim() is { Length: > 1 } text && text[0] == '+' && char.IsAsciiDigit(text[1]) ? text[1..] : typed;

    public static HiringOrganisationForm From(HiringOrganisationRow organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new HiringOrganisationForm
        {
            Name = organisation.Name,
            InvoiceAddress = organisation.InvoiceAddress,
            InvoiceContact = organisation.InvoiceContact,
            InvoiceEmail = organisation.InvoiceEmail,
            PurchaseOrderRequired = organisation.PurchaseOrderRequired,
            MarginAdjustment = (organisation.MarginAdjustment * 100).ToString("0.##", CultureInfo.InvariantCulture),
        };
    }
}
