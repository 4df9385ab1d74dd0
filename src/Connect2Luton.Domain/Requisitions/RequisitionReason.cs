namespace Connect2Luton.Domain.Requisitions;

/// <summary>
/// Why the service needs a temporary worker. Only cover for a vacancy can lead to a permanent conversion;
/// the conversion rules read this.
/// </summary>
public enum RequisitionReason
{
    VacancyCover,
    SicknessCover,
    MaternityCover,
    Project,
    PeakWorkload,
    InterimManagement,
}
