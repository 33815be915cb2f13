using System.Threading.RateLimiting;
using LunaPoint.Modules.Auth.Authorization;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Auth.Authentication;

internal static class AuthenticationSetup
{
    public const string SignInRateLimit = "sign-in";

    public static void AddLunaPointAuthentication(this IHostApplicationBuilder builder, AuthOptions options)
    {
        var services = builder.Services;
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, CurrentActor>();
        // The data-protection key ring (cookies, antiforgery) is host-wide: LunaPoint.Host/HostWideServices.

        services.AddIdentity<User, Role>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            })
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddUserManager<LunaUserManager>()
            .AddSignInManager<LunaSignInManager>()
            .AddClaimsPrincipalFactory<LunaClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(options.SessionRevalidationSeconds));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "lunapoint.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(options.CookieLifetimeMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/status/403";
            o.Events.OnRedirectToLogin = context => AuthProblems.IsApi(context.HttpContext)
                ? AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required: send 'Authorization: Bearer <token>' or 'X-Api-Key: <key>'.")
                : Redirect(context);
            o.Events.OnRedirectToAccessDenied = context =>
            {
                // Answer 403 in place; the status page renders it for people, problem+json for the API.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return AuthProblems.IsApi(context.HttpContext)
                    ? AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Your role may not do this.")
                    : Task.CompletedTask;
            };
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Smart;
                o.DefaultAuthenticateScheme = AuthSchemes.Smart;
                o.DefaultChallengeScheme = AuthSchemes.Smart;
                o.DefaultForbidScheme = AuthSchemes.Smart;
            })
            .AddPolicyScheme(AuthSchemes.Smart, "Bearer token, API key or console session", o => o.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();

        var readOrOperate = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ReadOrOperateRequirement()).Build();
        services.AddSingleton<IAuthorizationHandler, ReadOrOperateRequirement>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<PageHandlerAuthorizationFilter>());
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.View, readOrOperate)
            .AddPolicy(AuthorizationPolicies.Operate, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator, Roles.Operator))
            .AddPolicy(AuthorizationPolicies.Administer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator))
            // Anything that says nothing about authorization gets the default rule: read with any role,
            // change as Operator or above.
            .SetFallbackPolicy(readOrOperate);

        services.AddRateLimiter(o =>
        {
            // Only attempts count: loading the sign-in page (GET/HEAD) checks no password and must never
            // be what locks someone out of the form.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("page")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(context.HttpContext.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many sign-in attempts.", "Wait a minute before trying again."));
            };
        });
    }

    private static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        if (LiveFeedToken.From(context.Request) is not null)
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        return context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) ? AuthSchemes.ApiKey : IdentityConstants.ApplicationScheme;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        // Relative, never context.RedirectUri: that is absolute, built from the Host header the client chose.
        var returnUrl = context.Properties.RedirectUri ?? $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
        context.Response.Redirect($"{context.Request.PathBase}{context.Options.LoginPath}{QueryString.Create(context.Options.ReturnUrlParameter, returnUrl)}");
        return Task.CompletedTask;
    }
}
