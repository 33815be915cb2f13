using FluentValidation;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Auth;

/// <summary>The Auth module's only public type: what the host calls to add and map it.</summary>
public static class AuthModule
{
    public const string Name = "Auth";

    public static IHostApplicationBuilder AddAuthModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<AuthDbContext, PostgresAuthDbContext, SqliteAuthDbContext>(AuthDbContext.SchemaName);
        builder.Services.AddValidatorsFromAssembly(typeof(AuthModule).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return builder;
    }

    /// <summary>Maps the module's endpoints; its REST resources and pages arrive with step 2.</summary>
    public static IEndpointRouteBuilder MapAuthModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
