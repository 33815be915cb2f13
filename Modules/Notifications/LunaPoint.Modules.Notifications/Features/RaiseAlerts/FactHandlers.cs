using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Notifications.Evaluation;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// The facts Notifications turns into alerts. Each handler only queues the fact (<see cref="FactQueue"/>):
/// it returns at once and never throws into the publisher; <see cref="FactWriter"/> evaluates and writes.
/// </summary>
internal sealed class FactHandlers(FactQueue queue) :
    INotificationHandler<WatchlistMatched>,
    INotificationHandler<UnknownFaceSeen>,
    INotificationHandler<LicenseExpiring>,
    INotificationHandler<LicenseExpired>,
    INotificationHandler<LicenseLimitReached>
{
    public ValueTask Handle(WatchlistMatched notification, CancellationToken cancellationToken) => queue.EnqueueAsync(notification, cancellationToken);

    public ValueTask Handle(UnknownFaceSeen notification, CancellationToken cancellationToken) => queue.EnqueueAsync(notification, cancellationToken);

    public ValueTask Handle(LicenseExpiring notification, CancellationToken cancellationToken) => queue.EnqueueAsync(notification, cancellationToken);

    public ValueTask Handle(LicenseExpired notification, CancellationToken cancellationToken) => queue.EnqueueAsync(notification, cancellationToken);

    public ValueTask Handle(LicenseLimitReached notification, CancellationToken cancellationToken) => queue.EnqueueAsync(notification, cancellationToken);
}
