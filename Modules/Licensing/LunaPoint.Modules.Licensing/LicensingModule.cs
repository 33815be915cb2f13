using FluentValidation;
using LunaPoint.Modules.Licensing.Data;
using LunaPoint.Modules.Licensing.Features;
using LunaPoint.Modules.Licensing.Workers;
using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Licensing;

/// <summary>The Licensing module's only public type: what the host calls to add and map it, and the licence CLI.</summary>
public static class LicensingModule
{
    public const string Name = "Licensing";

    public static IHostApplicationBuilder AddLicensingModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<LicensingDbContext, PostgresLicensingDbContext, SqliteLicensingDbContext>(LicensingDbContext.SchemaName);
        builder.Services.AddValidatorsFromAssembly(typeof(LicensingModule).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        builder.Services.AddSingleton(builder.Configuration.GetSection(LicensingOptions.Section).Get<LicensingOptions>() ?? new LicensingOptions());
        builder.Services.AddSingleton<LicenseState>();
        builder.AddModuleWorker<LicenseMonitor>(Name);

        return builder;
    }

    public static IEndpointRouteBuilder MapLicensingModule(this IEndpointRouteBuilder api)
    {
        api.MapLicensingEndpoints();
        return api;
    }

    /// <summary>Runs <c>license keygen|issue ...</c>; returns the process exit code.</summary>
    public static int RunLicenseCli(string[] args) => LicenseCli.Run(args, Console.Out, Console.Error);
}
