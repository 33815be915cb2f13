using FluentValidation;
using LunaPoint.Modules.Notifications.Channels;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.Modules.Notifications.Features;
using LunaPoint.Modules.Notifications.Live;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Builder;
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
        builder.Services.AddOptions<NotificationsOptions>().Bind(builder.Configuration.GetSection(NotificationsOptions.Section));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<RecentAlerts>();
        builder.Services.AddScoped<AlertWriter>();
        builder.Services.AddSingleton<RuleCache>();
        builder.Services.AddSignalR();
        builder.AddEmailAndTelegram();
        builder.AddNotificationDispatch();
        builder.AddNotificationEvaluation();
        builder.AddNotificationRules();
        return builder;
    }

    /// <summary>Maps the module's REST endpoints and the live alert hub under the host's /api/v1 group.</summary>
    public static IEndpointRouteBuilder MapNotificationsModule(this IEndpointRouteBuilder api)
    {
        api.MapHub<AlertsHub>(AlertsHub.Path);
        api.MapNotificationsEndpoints();
        return api;
    }
}
