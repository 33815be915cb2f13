using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Data;
using Mediator;
using LunaPoint.Modules.Streams.Workers;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>An expired licence stops analysis; the streams and their data stay readable.</summary>
internal sealed class PauseStreamsOnLicenseExpiry(StreamsDbContext db, StreamLog log, IPublisher publisher) : INotificationHandler<LicenseExpired>
{
    // The same pause the licence reconciler makes on its next round (ADR 0006): at once, on the fact.
    public async ValueTask Handle(LicenseExpired notification, CancellationToken cancellationToken) =>
        await LicenseReconciler.PauseAnalysisAsync(db, log, publisher, cancellationToken);
}
