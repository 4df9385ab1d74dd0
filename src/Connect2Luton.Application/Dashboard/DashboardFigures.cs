namespace Connect2Luton.Application.Dashboard;

public sealed record DashboardFigures(
    DateOnly AsOf,
    int LivePlacements,
    IReadOnlyList<ServiceHeadcount> ByService,
    int ChildrensAgencySocialWorkers,
    Placements.LengthBands? Bands,
    int PastAwrPoint,
    int PastReviewPoint,
    int PastLongRunningPoint,
    int OpenRequisitions,
    int RequisitionsAwaitingApproval);

public sealed record ServiceHeadcount(int ServiceAreaId, string ServiceArea, int LivePlacements);
