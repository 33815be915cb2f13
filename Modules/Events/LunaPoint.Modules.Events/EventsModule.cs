using FluentValidation;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.Modules.Events.Features;
using LunaPoint.Modules.Events.Images;
using LunaPoint.Modules.Events.Ingestion;
using LunaPoint.Modules.Events.Matching;
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
        builder.Services.AddOptions<EventsOptions>().Bind(builder.Configuration.GetSection(EventsOptions.Section));
        builder.Services.AddSingleton<ImageStore>();
        builder.Services.AddSingleton<WatchlistIndex>();
        builder.Services.AddSingleton<EventIndex>();
        builder.AddEventsIngestion();
        builder.AddEnrolment();
        builder.AddEventSearch();
        return builder;
    }

    public static IEndpointRouteBuilder MapEventsModule(this IEndpointRouteBuilder api)
    {
        api.MapEventsEndpoints();
        return api;
    }
}
