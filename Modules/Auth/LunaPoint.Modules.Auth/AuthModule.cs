using FluentValidation;
using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Authentication.Refusals;
using LunaPoint.Modules.Auth.Bootstrap;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Features;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Auth;

/// <summary>The Auth module's only public type: what the host calls to add, use and map it.</summary>
public static class AuthModule
{
    public const string Name = "Auth";

    public static IHostApplicationBuilder AddAuthModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<AuthDbContext, PostgresAuthDbContext, SqliteAuthDbContext>(AuthDbContext.SchemaName);
        builder.Services.AddValidatorsFromAssembly(typeof(AuthModule).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);

        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSingleton(options);
        builder.AddLunaPointAuthentication(options);
        builder.Services.AddScoped<PasswordVerifier>();
        builder.Services.AddSingleton<AdministratorGuard>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<UserStateCache>();
        builder.Services.AddSingleton<CredentialFailureLimiter>();
        builder.Services.AddSingleton<RefusalAuditBuffer>();
        builder.Services.AddHostedService<RefusalAuditWriter>();

        builder.Services.AddSingleton<AdminBootstrapper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AdminBootstrapper>());
        builder.Services.AddHealthChecks().AddCheck<AdminBootstrapper>("auth-bootstrap", tags: [ModuleDatabaseExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Throttling of addresses that sent too many bad credentials, authentication, authorization, sign-in
    /// rate limits and the forced password change, in that order.
    /// </summary>
    public static IApplicationBuilder UseAuthModule(this IApplicationBuilder app)
    {
        app.UseMiddleware<CredentialThrottleMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        return app;
    }

    /// <summary>Maps the module's REST endpoints under the host's /api/v1 group.</summary>
    public static IEndpointRouteBuilder MapAuthModule(this IEndpointRouteBuilder api)
    {
        api.MapAuthEndpoints();
        return api;
    }
}
