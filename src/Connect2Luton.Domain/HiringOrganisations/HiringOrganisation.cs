using System.Diagnostics.CodeAnalysis;
using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.HiringOrganisations;

/// <summary>
/// An organisation that hires temporary staff through Connect2Luton: the council itself, and others in the borough
/// (a school trust, a housing company, a leisure trust). Its service areas are its cost centres. What it is invoiced
/// with, and its charge terms (an adjustment to the supplier's margin on every hour), are kept with it; invoices
/// read them. Deactivated, never deleted: what was hired for it keeps its name.
/// </summary>
public sealed class HiringOrganisation : AggregateRoot
{
    /// <summary>The council, created with the database: every service belongs to it unless an admin moves it.</summary>
    public const int CouncilId = 1;

    /// <summary>The most a margin may be adjusted either way, as a fraction of pay and on-costs (0.1 is 10 percentage points).</summary>
    public const decimal MostMarginAdjustment = 0.1m;

    private HiringOrganisation() { Name = InvoiceAddress = InvoiceContact = InvoiceEmail = string.Empty; }

    public HiringOrganisation(string name, string invoiceAddress, string invoiceContact, string invoiceEmail, bool purchaseOrderRequired, decimal marginAdjustment)
    {
        Change(name, invoiceAddress, invoiceContact, invoiceEmail, purchaseOrderRequired, marginAdjustment);
        IsActive = true;
    }

    public string Name { get; private set; }

    /// <summary>Where invoices go, as lines of an address.</summary>
    public string InvoiceAddress { get; private set; }

    public string InvoiceContact { get; private set; }
    public string InvoiceEmail { get; private set; }

    /// <summary>Its invoices must quote a purchase order number, or they are not paid.</summary>
    public bool PurchaseOrderRequired { get; private set; }

    /// <summary>Added to the supplier's margin rate on its hours (negative to take off), as a fraction: 0.02 is 2 percentage points.</summary>
    public decimal MarginAdjustment { get; private set; }

    public bool IsActive { get; private set; }

    [MemberNotNull(nameof(Name), nameof(InvoiceAddress), nameof(InvoiceContact), nameof(InvoiceEmail))]
    public void Change(string name, string invoiceAddress, string invoiceContact, string invoiceEmail, bool purchaseOrderRequired, decimal marginAdjustment)
    {
        Name = Guard.Required(name, Limits.Name);
        InvoiceAddress = Guard.Required(invoiceAddress, Limits.Reason, "The invoice address");
        InvoiceContact = Guard.Required(invoiceContact, Limits.Name, "The invoice contact");
        InvoiceEmail = Guard.Required(invoiceEmail, Limits.Email, "The invoice email").ToLowerInvariant();
        PurchaseOrderRequired = purchaseOrderRequired;
        if (Math.Abs(marginAdjustment) > MostMarginAdjustment) throw new DomainRuleException("A margin adjustment is at most 10 percentage points either way.");
        MarginAdjustment = marginAdjustment;
    }

    /// <summary>The council is always there to hire: it is never deactivated.</summary>
    public void Deactivate()
    {
        if (Id == CouncilId) throw new DomainRuleException("The council is always a hiring organisation.");
        IsActive = false;
    }

    public void Reactivate() => IsActive = true;

    /// <summary>The margin rate its hours are charged at: the supplier's, adjusted, never below nothing.</summary>
    public static decimal MarginRate(decimal supplierMarginRate, decimal adjustment) => Math.Max(0m, supplierMarginRate + adjustment);
}
