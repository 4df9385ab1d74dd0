using Microsoft.Extensions.Options;
using MimeKit;

namespace Connect2Luton.Infrastructure.Email;

/// <summary>How the connection to the mail server is made secure.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same machine or a closed network.</summary>
    None,

    /// <summary>Connect in plain, then STARTTLS, which must be offered (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>The "Email" section of configuration: the mail server, who emails come from, and how sending is retried.</summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The address emails come from, e.g. no-reply@connect2luton.co.uk.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "Connect2Luton";

    /// <summary>The app's address as people reach it, e.g. https://connect2luton.luton.gov.uk: links in emails start with it.</summary>
    public string? AppUrl { get; set; }

    /// <summary>How often the outbox is looked at for emails due (this node also looks at once after queuing one).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the first failed attempt; it doubles after each, up to <see cref="LongestRetryWait"/>.</summary>
    public TimeSpan FirstRetryWait { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LongestRetryWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before an email is given up on (with the defaults, about 4 hours of trying).</summary>
    public int MostAttempts { get; set; } = 10;

    /// <summary>How long one attempt may hold an email before another node may try it.</summary>
    public TimeSpan AttemptLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A digest whose work never released it (the app stopped mid-run) goes this long after its last part.</summary>
    public TimeSpan DigestHold { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sent emails are deleted after this long; failed ones are kept for an admin to see.</summary>
    public TimeSpan KeepSentFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether emails are sent at all: only where a mail server is named.</summary>
    public bool Sends => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>What is wrong with these settings, in the words of the settings, or nothing.</summary>
    public static IEnumerable<string> Problems(EmailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Sends) yield break;
        var smtp = settings.Smtp;
        if (smtp.Port is < 1 or > 65535) yield return "Email:Smtp:Port must be a port number from 1 to 65535 (587 for StartTls, 465 for SslOnConnect).";
        if (!Enum.IsDefined(smtp.Security)) yield return "Email:Smtp:Security must be None, StartTls or SslOnConnect.";
        if (string.IsNullOrWhiteSpace(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
            yield return "Email:Smtp:UserName and Email:Smtp:Password are set together, or neither (a server that takes mail without signing in).";
        if (smtp.Timeout <= TimeSpan.Zero) yield return "Email:Smtp:Timeout must be more than zero, e.g. 00:00:30.";
        if (string.IsNullOrWhiteSpace(settings.From) || !MailboxAddress.TryParse(settings.From, out var from) || from.Address.Contains(' ', StringComparison.Ordinal) || !from.Address.Contains('@', StringComparison.Ordinal))
            yield return "Email:From must be the address emails come from, such as no-reply@connect2luton.co.uk.";
        if (!Uri.TryCreate(settings.AppUrl, UriKind.Absolute, out var app) || app.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(app.Query) || !string.IsNullOrEmpty(app.Fragment))
            yield return "Email:AppUrl must be the app's address as people reach it, such as https://connect2luton.luton.gov.uk: links in emails start with it.";
        if (settings.PollInterval <= TimeSpan.Zero) yield return "Email:PollInterval must be more than zero, e.g. 00:00:30.";
        if (settings.FirstRetryWait <= TimeSpan.Zero || settings.LongestRetryWait < settings.FirstRetryWait)
            yield return "Email:FirstRetryWait must be more than zero and no more than Email:LongestRetryWait.";
        if (settings.MostAttempts < 1) yield return "Email:MostAttempts must be at least 1.";
        // An attempt connects, signs in and sends, each step waiting up to the timeout.
        if (settings.AttemptLease < smtp.Timeout * 4)
            yield return "Email:AttemptLease must be at least four times Email:Smtp:Timeout, or a slow attempt could be taken over by another node and sent twice.";
        if (settings.DigestHold <= TimeSpan.Zero) yield return "Email:DigestHold must be more than zero, e.g. 01:00:00.";
        if (settings.KeepSentFor <= TimeSpan.Zero) yield return "Email:KeepSentFor must be more than zero, e.g. 30.00:00:00.";
    }
}

public sealed class SmtpSettings
{
    /// <summary>The mail server's host name; none, and nothing is queued or sent.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long to wait for the server at each step of an attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class EmailSettingsValidation : IValidateOptions<EmailSettings>
{
    public ValidateOptionsResult Validate(string? name, EmailSettings options) =>
        EmailSettings.Problems(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
