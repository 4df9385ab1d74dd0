using System.Globalization;
using Connect2Luton.Application.Common.Validation;

namespace Connect2Luton.Application.Email;

/// <summary>
/// A plain-text email to one or more people. Each recipient is sent a copy of their own, so nobody sees who else was
/// told and one address that bounces does not hold up the rest.
/// </summary>
public sealed record EmailMessage
{
    public EmailMessage(IReadOnlyCollection<string> to, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(body);
        To = to.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Subject = EmailText.Subject(subject);
        Body = body;
    }

    public IReadOnlyList<string> To { get; }

    /// <summary>Always one line: a subject built from what someone typed (a requisition's title) can add no header.</summary>
    public string Subject { get; }

    public string Body { get; }
}

/// <summary>How emails put things: dates as people write them, subjects on one line and of a sensible length.</summary>
public static class EmailText
{
    public const int MostSubjectLength = 200;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"4 December 2026".</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", English);

    /// <summary>Every line break, tab or run of spaces made one space; cut to <see cref="MostSubjectLength"/> characters.</summary>
    public static string Subject(string? text)
    {
        // Any control character (a line break above all) becomes a space before the runs are folded: SMTP headers end at a line break.
        var line = TextFormats.OneLine(new string((text ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c).ToArray())) ?? string.Empty;
        return line.Length <= MostSubjectLength ? line : line[..(MostSubjectLength - 1)].TrimEnd() + "…";
    }

    /// <summary>Text someone typed, put inside a sentence of an email: on one line.</summary>
    public static string Inline(string? text) => Subject(text);
}
