using Connect2Luton.Application.Email;
using Connect2Luton.Infrastructure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Email;

internal static class EmailRegistration
{
    /// <summary>The outbox, who emails go to, and the worker that sends them (which does nothing where no mail server is set).</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        // Settings that could never send (no sender address, a link address that is not one) stop the start with what to change.
        services.AddOptions<EmailSettings>().Bind(configuration.GetSection(EmailSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailSettings>, EmailSettingsValidation>();
        services.AddScoped<IOutbox, EmailOutbox>();
        services.AddScoped<IEmailRecipients, EmailRecipients>();
        services.AddSingleton<OutboxWakeUp>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(s => s.GetRequiredService<OutboxSender>());
        return services;
    }
}
