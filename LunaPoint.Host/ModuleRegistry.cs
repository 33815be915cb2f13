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
/// is written here. Every module is always loaded: modules answer each other's questions (the licence
/// page asks Streams and Events), so leaving one out broke the others. What can be switched off is a
/// module's background work: <c>Modules:&lt;Name&gt;:Workers:Enabled=false</c> (see README).
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
        RefuseRemovedSwitch(builder.Configuration);
        builder.AddHostWideServices();
        foreach (var module in All)
        {
            module.Add(builder);
        }
    }

    /// <summary>Each module's middleware (Auth: authentication and authorization), after routing.</summary>
    public static void UseModules(this WebApplication app)
    {
        foreach (var module in All)
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
        foreach (var module in All)
        {
            module.Map(api);
        }
    }

    /// <summary>
    /// <c>Modules:&lt;Name&gt;:Enabled=false</c> used to leave a module out and broke the host instead; a
    /// setting that is silently ignored would be worse, so the host refuses to start and says what to use.
    /// </summary>
    private static void RefuseRemovedSwitch(IConfiguration configuration)
    {
        var disabled = All.Where(m => !configuration.GetValue($"Modules:{m.Name}:Enabled", true)).Select(m => m.Name).ToList();
        if (disabled.Count > 0)
        {
            throw new InvalidOperationException(
                $"Modules:<Name>:Enabled is no longer supported ({string.Join(", ", disabled.Select(n => $"Modules:{n}:Enabled=false"))}): " +
                "every module is part of the host. To run without a module's background work, set Modules:<Name>:Workers:Enabled=false.");
        }
    }
}
