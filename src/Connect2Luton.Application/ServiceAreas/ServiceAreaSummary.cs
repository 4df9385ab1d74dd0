namespace Connect2Luton.Application.ServiceAreas;

public sealed record ServiceAreaSummary(int Id, string Code, string Name, bool IsChildrensServices);
