namespace Connect2Luton.Application.Policies;

/// <summary>An amount fact that is money, in pounds: described and shown as people write money (£40.00), not as a bare number.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InPoundsAttribute : Attribute
{
    /// <summary>How such a fact's kind is described wherever facts are listed or shown.</summary>
    public const string Described = "an amount in pounds";
}
