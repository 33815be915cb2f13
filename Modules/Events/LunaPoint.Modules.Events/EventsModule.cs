using FluentValidation;
using LunaPoint.Modules.Events.Data;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Events;

/// <summary>The Events module's only public type: what the host calls to add and map it.</summary>
public static class EventsModule
{
    public const string Name = "Events";

    public static IHostApplicationBuilder AddEventsModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<EventsDbContext, PostgresEventsDbContext, SqliteEventsDbContext>(EventsDbContext.SchemaName);
        builder.Services.AddValidatorsFromAssembly(typeof(EventsModule).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return builder;
    }

    /// <summary>Maps the module's endpoints; its REST resources and pages arrive with step 5.</summary>
    public static IEndpointRouteBuilder MapEventsModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
