using Connect2Luton.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>The real app sending its emails over SMTP to an <see cref="SmtpInbox"/> of its own, up from the start.</summary>
public class EmailingFactory : Connect2LutonFactory
{
    public const string AppUrl = "https://connect2luton.example";

    public SmtpInbox Inbox { get; } = new();

    /// <summary>Whether the mail server takes connections when the app starts.</summary>
    protected virtual bool MailServerUpAtStart => true;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Inbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:Security", "None"),
        new("Email:From", "no-reply@connect2luton.example"),
        new("Email:AppUrl", AppUrl),
        // Several batches a night, so the digest is shown gathering across them.
        new("Scheduling:BatchSize", "40"),
    ];

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        if (MailServerUpAtStart) Inbox.StartAsync().GetAwaiter().GetResult();
        base.ConfigureWebHost(builder);
    }

    /// <summary>The app's outbox sender, to follow its attempts.</summary>
    internal OutboxSender Sender => Services.GetServices<IHostedService>().OfType<OutboxSender>().Single();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Inbox.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The same app with its mail server down until the test starts it.</summary>
    public sealed class MailServerDownAtFirst : EmailingFactory
    {
        protected override bool MailServerUpAtStart => false;
    }
}
