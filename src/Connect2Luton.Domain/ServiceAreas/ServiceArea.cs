using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.ServiceAreas;

/// <summary>A council service that raises requisitions and pays for the agency staff placed with it.</summary>
public sealed class ServiceArea : AggregateRoot
{
    private ServiceArea() { Code = Name = Directorate = string.Empty; }

    public ServiceArea(string code, string name, string directorate, bool isChildrensServices, decimal? establishmentFte)
    {
        Code = Guard.Required(code, Limits.Code).ToUpperInvariant();
        Name = Guard.Required(name, Limits.Name);
        Directorate = Guard.Required(directorate, Limits.Name);
        IsChildrensServices = isChildrensServices;
        EstablishmentFte = establishmentFte is { } fte ? Guard.NotNegative(fte) : null;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string Directorate { get; private set; }

    /// <summary>Children's services, where the DfE agency rules for child and family social workers apply.</summary>
    public bool IsChildrensServices { get; private set; }

    /// <summary>Funded full-time-equivalent posts, where known: the base for "share of establishment" figures.</summary>
    public decimal? EstablishmentFte { get; private set; }

    public void ChangeEstablishment(decimal? establishmentFte) =>
        EstablishmentFte = establishmentFte is { } fte ? Guard.NotNegative(fte) : null;
}
