using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Web.Identity;

/// <summary>
/// Whether the council's provider answers, asked (through its metadata) before the browser is sent there to sign in
/// or out: one that cannot be reached is said on the sign-in page, not met with an error page.
/// </summary>
public sealed partial class ProviderReach(IOptionsMonitor<OpenIdConnectOptions> providers, ILogger<ProviderReach> logger)
{
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await providers.Get(SingleSignOn.Scheme).ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            return true;
        }
        catch (Exception unreachable) when (unreachable is InvalidOperationException or HttpRequestException or IOException)
        {
            LogUnreachable(logger, unreachable);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The OpenID Connect provider's metadata could not be read")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
