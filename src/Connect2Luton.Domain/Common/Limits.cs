namespace Connect2Luton.Domain.Common;

/// <summary>Column lengths shared by the entities, their EF configuration and the forms that fill them.</summary>
public static class Limits
{
    public const int Name = 100;
    public const int Title = 200;
    public const int Email = 254;
    public const int Phone = 30;
    public const int Postcode = 8;
    public const int PostcodeDistrict = 4;
    public const int Code = 20;
    public const int Reference = 50;
    public const int Actor = 256;
    public const int Reason = 1000;
    public const int LongText = 4000;
    public const int RuleSetName = 100;
    public const int ContentHash = 64;
}
