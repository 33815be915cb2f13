using FluentValidation;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Notifications;

/// <summary>The Notifications module's only public type: what the host calls to add and map it.</summary>
public static class NotificationsModule
{
    public const string Name = "Notifications";

    public static IHostApplicationBuilder AddNotificationsModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<NotificationsDbContext, PostgresNotificationsDbContext, SqliteNotificationsDbContext>(NotificationsDbContext.SchemaName);
        builder.Services.AddValidatorsFromAssembly(typeof(NotificationsModule).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return builder;
    }

    /// <summary>Maps the module's endpoints; its REST resources and pages arrive with step 6.</summary>
    public static IEndpointRouteBuilder MapNotificationsModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
