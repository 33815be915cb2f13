using LunaPoint.SharedKernel.Files;
using FluentValidation;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Features;
using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Network;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Streams;

/// <summary>The Streams module's only public type: what the host calls to add and map it.</summary>
public static class StreamsModule
{
    public const string Name = "Streams";

    public static IHostApplicationBuilder AddStreamsModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<StreamsDbContext, PostgresStreamsDbContext, SqliteStreamsDbContext>(StreamsDbContext.SchemaName);
        builder.Services.AddValidatorsFromAssembly(typeof(StreamsModule).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        builder.Services.AddScoped<LicenseGuard>();
        builder.Services.AddScoped<ListIdsGuard>();
        builder.Services.AddScoped<StreamLog>();
        builder.Services.AddScoped<StreamCreator>();
        builder.AddMediaRoots();
        builder.Services.AddOutboundAddressPolicy(builder.Configuration);
        builder.AddModuleWorker<Workers.LicenseReconciler>(Name);
        builder.AddModuleWorker<Workers.DemoStreamSeeder>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapStreamsModule(this IEndpointRouteBuilder api)
    {
        api.MapStreamsEndpoints();
        return api;
    }
}
