namespace Connect2Luton.Web.Forms;

/// <summary>What the shared requisition fields partial needs from the page that shows it.</summary>
public interface IRequisitionFormPage
{
    RequisitionForm Input { get; }
    RequisitionChoices Choices { get; }
}
