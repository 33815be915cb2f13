using System.Security.Claims;
using LunaPoint.Modules.Auth.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>
/// Validates access tokens: signature, issuer, audience, lifetime (30 s skew), and that the user still
/// exists, is enabled and has the same security stamp as when the token was issued.
/// </summary>
internal sealed class JwtBearerSetup(AuthOptions options, SigningKeyProvider keys) : IConfigureNamedOptions<JwtBearerOptions>
{
    private const string NoLongerValid = "The access token is no longer valid: the user was disabled, or their role or password changed. Request a new token.";

    public void Configure(string? name, JwtBearerOptions o)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = keys.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = "name",
            RoleClaimType = "role",
        };
        o.Events = new JwtBearerEvents
        {
            // Refusals are counted where the token is checked, whether or not the endpoint needed it, so
            // anonymous endpoints cannot be used to test tokens without limit.
            OnAuthenticationFailed = context =>
            {
                AuthProblems.RecordRefusal(context.HttpContext, "token.rejected", Describe(context.Exception));
                return Task.CompletedTask;
            },
            OnMessageReceived = context =>
            {
                context.Token ??= LiveFeedToken.From(context.Request);
                return Task.CompletedTask;
            },
            OnTokenValidated = ValidateUserAsync,
            OnChallenge = ChallengeAsync,
            OnForbidden = context => AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Your role may not do this."),
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    private static async Task ValidateUserAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var user = Guid.TryParse(context.Principal?.FindFirstValue("sub"), out var id)
            ? await services.GetRequiredService<UserStateCache>().GetAsync(id, services.GetRequiredService<AuthDbContext>(), context.HttpContext.RequestAborted)
            : null;
        if (user is null || user.Disabled || user.SecurityStamp != context.Principal!.FindFirstValue(AuthSchemes.StampClaim))
        {
            context.Fail(NoLongerValid);
            AuthProblems.RecordRefusal(context.HttpContext, "token.rejected", NoLongerValid);
        }
    }

    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "The access token has expired. Request a new one from POST /api/v1/auth/token.",
        { Message: NoLongerValid } => NoLongerValid,
        _ => "The access token is invalid.",
    };

    private static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure is null
            ? "Authentication required: send 'Authorization: Bearer <token>' or 'X-Api-Key: <key>'."
            : Describe(context.AuthenticateFailure);

        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, detail);
    }
}
