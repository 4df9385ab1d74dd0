using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.HiringManagers;

namespace Connect2Luton.Web.Forms;

/// <summary>The hiring manager form as posted; the service is read as text, so a tampered value is "nothing chosen".</summary>
public sealed class HiringManagerForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? JobTitle { get; set; }
    public string? Phone { get; set; }

    [Display(Name = "Service area")]
    public string? ServiceAreaId { get; set; }

    public HiringManagerInput Read() => new(Name, Email, JobTitle, Phone, FormReading.Choice(ServiceAreaId));

    public static HiringManagerForm From(HiringManagerRow manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return new HiringManagerForm
        {
            Name = manager.Name,
            Email = manager.Email,
            JobTitle = manager.JobTitle,
            Phone = manager.Phone,
            ServiceAreaId = manager.ServiceAreaId.ToString(CultureInfo.InvariantCulture),
        };
    }
}
