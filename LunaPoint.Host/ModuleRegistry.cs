using LunaPoint.Modules.Auth;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Detection;
using LunaPoint.Modules.Events;
using LunaPoint.Modules.Licensing;
using LunaPoint.Modules.Notifications;
using LunaPoint.Modules.Streams;

namespace LunaPoint.Host;

/// <summary>
/// Every module the host loads, in order, named explicitly: no assembly scanning, so what runs is what
/// is written here. <c>Modules:&lt;Name&gt;:Enabled=false</c> leaves a module out.
/// </summary>
internal static class ModuleRegistry
{
    private sealed record Module(
        string Name,
        Func<IHostApplicationBuilder, IHostApplicationBuilder> Add,
        Func<IEndpointRouteBuilder, IEndpointRouteBuilder> Map,
        Func<IApplicationBuilder, IApplicationBuilder>? Use = null);

    private static readonly Module[] All =
    [
        new(AuthModule.Name, b => b.AddAuthModule(), e => e.MapAuthModule(), a => a.UseAuthModule()),
        new(LicensingModule.Name, b => b.AddLicensingModule(), e => e.MapLicensingModule()),
        new(StreamsModule.Name, b => b.AddStreamsModule(), e => e.MapStreamsModule()),
        new(DetectionModule.Name, b => b.AddDetectionModule(), e => e.MapDetectionModule()),
        new(EventsModule.Name, b => b.AddEventsModule(), e => e.MapEventsModule()),
        new(NotificationsModule.Name, b => b.AddNotificationsModule(), e => e.MapNotificationsModule()),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    public static void AddModules(this WebApplicationBuilder builder)
    {
        foreach (var module in Enabled(builder.Configuration))
        {
            module.Add(builder);
        }
    }

    /// <summary>Each module's middleware (Auth: authentication and authorization), after routing.</summary>
    public static void UseModules(this WebApplication app)
    {
        foreach (var module in Enabled(app.Configuration))
        {
            module.Use?.Invoke(app);
        }
    }

    /// <summary>
    /// Maps every module's REST endpoints under one /api/v1 group that needs a role to read and at least
    /// Operator to change (the View policy), whatever a module remembered to say.
    /// </summary>
    public static void MapModules(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthorizationPolicies.View);
        foreach (var module in Enabled(app.Configuration))
        {
            module.Map(api);
        }
    }

    private static IEnumerable<Module> Enabled(IConfiguration configuration) =>
        All.Where(m => configuration.GetValue($"Modules:{m.Name}:Enabled", true));
}
