namespace Connect2Luton.Domain.SupplyAgencies;

public enum SupplyAgencyKind
{
    /// <summary>Connect2Luton's own pool: workers engaged directly by the in-house agency.</summary>
    InHousePool,

    /// <summary>A local specialist agency appointed through the dynamic purchasing system.</summary>
    LocalSupportingAgency,

    /// <summary>Any other agency, used only when neither of the above can fill a role.</summary>
    ExternalAgency,
}
