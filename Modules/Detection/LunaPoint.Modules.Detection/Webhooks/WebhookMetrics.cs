using System.Diagnostics.Metrics;

namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary>The dispatcher's counters on the module's meter (the factory hands every part of the module the same meter).</summary>
internal sealed class WebhookMetrics
{
    public const string MeterName = "LunaPoint.Detection";

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        Sent = meter.CreateCounter<long>("lunapoint.detection.webhook.deliveries.sent", "{delivery}", "Best shots a receiver accepted (2xx).");
        Failed = meter.CreateCounter<long>("lunapoint.detection.webhook.deliveries.failed", "{attempt}", "POST attempts that failed and will be retried or given up.");
        GivenUp = meter.CreateCounter<long>("lunapoint.detection.webhook.deliveries.given_up", "{delivery}", "Best shots given up after GiveUpAfter without a delivery.");
    }

    public Counter<long> Sent { get; }

    public Counter<long> Failed { get; }

    public Counter<long> GivenUp { get; }
}
