using System.Globalization;
using Connect2Luton.Application.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Connect2Luton.Infrastructure.Email;

/// <summary>
/// One pass's connection to the mail server (MailKit), opened when the first email is sent and reused for the rest,
/// opened again if the server dropped it.
/// </summary>
internal sealed class SmtpDelivery(EmailSettings settings, TimeProvider clock) : IAsyncDisposable
{
    private readonly SmtpClient _client = new() { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };

    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var message = Compose(email);
        if (!_client.IsConnected)
        {
            var smtp = settings.Smtp;
            await _client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security switch
            {
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.None,
            }, cancellationToken);
            if (!string.IsNullOrWhiteSpace(smtp.UserName)) await _client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }
        await _client.SendAsync(message, cancellationToken);
    }

    /// <summary>Whether trying again cannot help: the address cannot be written, or the server refused the recipient for good.</summary>
    public static bool IsPermanent(Exception error) => error switch
    {
        ParseException => true,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } refused => (int)refused.StatusCode >= 500,
        _ => false,
    };

    private MimeMessage Compose(OutboxEmail email)
    {
        // Checked at start (EmailSettings.Problems): only a sending app gets here.
        var from = MailboxAddress.Parse(settings.From!);
        var message = new MimeMessage
        {
            // Written once more here, whatever the row holds: a header ends at a line break.
            Subject = EmailText.Subject(email.Subject),
            Date = clock.GetUtcNow(),
            // The same for every attempt, so a server or reader that sees one twice (a node stopped between the
            // server taking it and the row being marked sent) can tell.
            MessageId = string.Create(CultureInfo.InvariantCulture, $"outbox-{email.Id}@{from.Domain}"),
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = email.Body },
        };
        message.From.Add(new MailboxAddress(settings.FromName, from.Address));
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: true);
        }
#pragma warning disable CA1031 // A server that hangs up first leaves nothing to do: every email of the pass is already recorded.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        _client.Dispose();
    }
}
