using LunaPoint.Modules.Auth;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Contracts;
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
                // Contracts assemblies declare the messages modules send each other; each joins this
                // list with its first message (the generator only sees messages in listed assemblies).
                typeof(RecordAuditEntry),
                typeof(LicenseLimits),
                typeof(StreamUsage),
                typeof(CountFacesWithDescriptors),
                typeof(LunaPoint.Modules.Detection.Contracts.DetectFaces),
            ];
            // A failing subscriber is logged, never thrown back at the publisher (ADR 0006).
            options.NotificationPublisherType = typeof(IsolatingNotificationPublisher);
            // Logging outermost, so the time it logs includes validation.
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
}
