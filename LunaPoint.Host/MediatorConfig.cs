using LunaPoint.Modules.Auth;
using LunaPoint.Modules.Detection;
using LunaPoint.Modules.Events;
using LunaPoint.Modules.Licensing;
using LunaPoint.Modules.Notifications;
using LunaPoint.Modules.Streams;
using LunaPoint.SharedKernel.Mediation;

namespace LunaPoint.Host;

internal static class MediatorConfig
{
    /// <summary>
    /// The one registration of the source-generated mediator. The generator reads this call at compile
    /// time, so the module assemblies are listed here literally; modules see internals of the host's
    /// generated code through InternalsVisibleTo.
    /// </summary>
    public static IServiceCollection AddLunaPointMediator(this IServiceCollection services) =>
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies =
            [
                typeof(AuthModule),
                typeof(LicensingModule),
                typeof(StreamsModule),
                typeof(DetectionModule),
                typeof(EventsModule),
                typeof(NotificationsModule),
            ];
            // Logging outermost, so the time it logs includes validation.
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
}
