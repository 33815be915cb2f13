using FluentValidation;
using LunaPoint.Modules.Licensing.Data;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Licensing;

/// <summary>The Licensing module's only public type: what the host calls to add and map it.</summary>
public static class LicensingModule
{
    public const string Name = "Licensing";

    public static IHostApplicationBuilder AddLicensingModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<LicensingDbContext, PostgresLicensingDbContext, SqliteLicensingDbContext>(LicensingDbContext.SchemaName);
        builder.Services.AddValidatorsFromAssembly(typeof(LicensingModule).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return builder;
    }

    /// <summary>Maps the module's endpoints; its REST resources and pages arrive with step 3.</summary>
    public static IEndpointRouteBuilder MapLicensingModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
