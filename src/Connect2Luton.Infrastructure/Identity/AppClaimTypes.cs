namespace Connect2Luton.Infrastructure.Identity;

public static class AppClaimTypes
{
    public const string DisplayName = "connect2luton:display_name";
    public const string ServiceArea = "connect2luton:service_area";
}
