using FluentValidation;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.SharedKernel.Data;
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
        return builder;
    }

    /// <summary>Maps the module's endpoints; its REST resources and pages arrive with step 3.</summary>
    public static IEndpointRouteBuilder MapStreamsModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
