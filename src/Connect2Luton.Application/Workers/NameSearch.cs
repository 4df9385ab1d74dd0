using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>
/// Who a search by name finds, wherever workers are searched by name (the pool, an agency's candidates, a vacancy's
/// choices): a first or last name beginning with what was typed, or, where it has a space, a first name beginning
/// with its first word and a last name with the rest ("Harpreet Bains", "Jo Ng"). A search longer than any name
/// stored is cut to that length rather than sent whole; a blank one narrows nothing. The apostrophe phones and word
/// processors type (O’Brien) is read as the one names are kept with (O'Brien).
/// </summary>
internal static class NameSearch
{
    public static void Narrow(ISpecificationBuilder<Worker> query, string? typed)
    {
        var cut = (typed is { Length: > Limits.Name } ? typed[..Limits.Name] : typed)?.Replace('\u2019', '\'').Replace('\u2018', '\'');
        if (string.IsNullOrWhiteSpace(cut)) return;
        var start = string.Join(' ', cut.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (start.Split(' ', 2) is [var first, var last])
            query.Where(w => w.LastName.StartsWith(start) || w.FirstName.StartsWith(start) || (w.FirstName.StartsWith(first) && w.LastName.StartsWith(last)));
        else query.Where(w => w.LastName.StartsWith(start) || w.FirstName.StartsWith(start));
    }
}
