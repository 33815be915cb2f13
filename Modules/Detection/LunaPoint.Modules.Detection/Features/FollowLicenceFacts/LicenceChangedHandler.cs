using LunaPoint.Modules.Detection.Workers;
using LunaPoint.Modules.Licensing.Contracts;
using Mediator;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>A licence upload or swap reaches running streams at once: no restart, their next best shot asks again.</summary>
internal sealed class LicenceChangedHandler(DetectionLicence licence) : INotificationHandler<LicenseChanged>
{
    public ValueTask Handle(LicenseChanged notification, CancellationToken cancellationToken)
    {
        licence.Invalidate();
        return ValueTask.CompletedTask;
    }
}
