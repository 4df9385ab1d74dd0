namespace Connect2Luton.Application.Requisitions;

/// <summary>How requisitions are approved (the <c>Requisitions</c> section of configuration).</summary>
public sealed class RequisitionOptions
{
    public const string Section = "Requisitions";

    /// <summary>
    /// Whoever raised a requisition cannot also approve it: spending approval is given by a second person (separation
    /// of duties, as council financial regulations ask). On unless a council turns it off.
    /// </summary>
    public bool ApproverMustNotBeRaiser { get; set; } = true;
}
