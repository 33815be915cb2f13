using System.Diagnostics.Metrics;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>The <c>LunaPoint.Notifications</c> meter: facts taken, alerts raised, and facts dropped (never silently).</summary>
internal sealed class EvaluationMetrics
{
    public const string MeterName = "LunaPoint.Notifications";

    private readonly Counter<long> _dropped;
    private readonly Counter<long> _raised;
    private long _droppedTotal;

    public EvaluationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _dropped = meter.CreateCounter<long>("lunapoint.notifications.facts.dropped", "{fact}", "Facts never evaluated: the queue stayed full, the database refused them past the retry period, or the host stopped first");
        _raised = meter.CreateCounter<long>("lunapoint.notifications.alerts.raised", "{alert}", "Alerts written with their outbox rows");
    }

    public long Dropped => Interlocked.Read(ref _droppedTotal);

    public void FactDropped(string fact, string reason)
    {
        Interlocked.Increment(ref _droppedTotal);
        _dropped.Add(1, new KeyValuePair<string, object?>("fact", fact), new KeyValuePair<string, object?>("reason", reason));
    }

    public void AlertRaised(string trigger) => _raised.Add(1, new KeyValuePair<string, object?>("trigger", trigger));
}
