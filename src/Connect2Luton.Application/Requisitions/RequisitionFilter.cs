using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

/// <summary>What the requisitions list is narrowed to; every part optional.</summary>
public sealed record RequisitionFilter(RequisitionStatus? Status = null, int? ServiceAreaId = null, JobFamily? JobFamily = null, int? HiringOrganisationId = null);
