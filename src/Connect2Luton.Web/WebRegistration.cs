using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Web.Availability;
using Connect2Luton.Web.Forms;
using Connect2Luton.Web.Health;
using Connect2Luton.Web.Hosting;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Web.Identity;
using Connect2Luton.Web.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect2Luton.Web;

internal static class WebRegistration
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddBehindProxy(configuration);
        services.AddRazorPages(pages => pages.Conventions.Add(new Forms.RouteValuesFromTheRoute())).AddMvcOptions(options =>
        {
            options.ModelBinderProviders.Insert(0, new Forms.WholeNumberBinderProvider());
            options.ModelBinderProviders.Insert(0, new Forms.OneChoiceBinderProvider());
            options.Filters.Add(new Forms.UnmatchedHandler());
            options.Filters.Add(new Forms.UnreadableVersion());
            options.Filters.Add<Identity.TwoFactorRequirement>();
            // No form here writes jQuery-style keys (a[b][c]); their reader throws on a key such as "a[", which anyone
            // can post, so the plain form and query readers alone bind.
            foreach (var jquery in options.ValueProviderFactories
                .Where(f => f is Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory).ToList())
            {
                options.ValueProviderFactories.Remove(jquery);
            }
            // Typed values are read as text by the forms themselves; what reaches the binder is a hidden field, a
            // checkbox or a choice, so a value it cannot read was not one the form offered. Never echoed back.
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"{Words.Field(field)} is not one of the answers this form offers");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "That is not one of the answers this form offers");
            messages.SetValueMustBeANumberAccessor(field => $"{Words.Field(field)} must be a number");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number");
            messages.SetUnknownValueIsInvalidAccessor(field => $"{Words.Field(field)} is not one of the answers this form offers");
            messages.SetValueIsInvalidAccessor(_ => "That is not one of the answers this form offers");
            messages.SetMissingBindRequiredValueAccessor(field => $"Enter {Words.Field(field).ToLowerInvariant()}");
            messages.SetMissingKeyOrValueAccessor(() => "Enter a value");
            messages.SetValueMustNotBeNullAccessor(field => $"Enter {Words.Field(field).ToLowerInvariant()}");
        });
        // Everything needs a signed-in user unless it says otherwise: a new page is never public by accident.
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // Each permission is a policy of the same name, held by the roles the one access table gives it.
        foreach (var (permission, roles) in Access.Grants) authorization.AddPolicy(permission, policy => policy.RequireRole(roles));
        services.AddSingleSignOn(configuration);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "Connect2Luton.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            // Councils serve it over TLS (at a proxy in front of it): outside Development the session never travels in
            // clear. The antiforgery cookie, no credential, follows the request's scheme, so a form over plain HTTP still works.
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        // Its default marks it Secure never, even over HTTPS.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // The messages carried to the next page ("Your password is set"), no credential, follow the request's scheme as
        // the antiforgery cookie does: Secure over HTTPS (its default is never).
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddRuleCheckQueue();
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<ICurrentUser, HttpCurrentUser>());
        services.AddScoped<Forms.RequisitionChoices>();
        services.AddScoped<Pages.Rules.RuleWorkspace>();
        services.AddScoped<Forms.WorkerChoices>();
        return services;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        // First, so everything after it (HSTS, secure cookies, the audit of who did what) sees the client's scheme and address.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UseDatabaseFaultPage();
        app.UseRequestLocalization("en-GB");
        app.UseNullCharactersAsFieldErrors();
        // A sign-in or sign-out form goes on to the council's provider, which the form-action rule must allow.
        var formTargets = Identity.SingleSignOnRegistration.FormTargets(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInSettings>>().Value.OpenIdConnect);
        app.Use((context, next) => SecurityHeaders(context, next, formTargets));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // Before authorization, so a council page behind a permission is not found for agency staff rather than refused.
        app.UseAgencyPortalBoundary();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    /// <summary>The key under which a request's style nonce is kept, for the pages whose code editor needs it.</summary>
    public const string StyleNonce = "style-nonce";

    // No inline script anywhere, and no inline style but the code editor's: CodeMirror writes its styles into one
    // <style> element, which carries this request's nonce. Everything else must come from the app's own files.
    private static Task SecurityHeaders(HttpContext context, Func<Task> next, string formTargets)
    {
        var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        context.Items[StyleNonce] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; " +
            $"object-src 'none'; base-uri 'self'; form-action 'self'{formTargets}; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return next();
    }
}
