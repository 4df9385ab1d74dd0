namespace Connect2Luton.Infrastructure.Identity;

public static class AppClaimTypes
{
    public const string DisplayName = "connect2luton:display_name";
    public const string ServiceArea = "connect2luton:service_area";
    public const string SupplyAgency = "connect2luton:supply_agency";
    public const string Worker = "connect2luton:worker";

    /// <summary>Present when the user signs in with a second factor (an authenticator app's code).</summary>
    public const string TwoFactor = "connect2luton:two_factor";
}
