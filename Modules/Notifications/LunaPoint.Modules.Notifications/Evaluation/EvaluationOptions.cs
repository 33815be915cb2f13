namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>Settings under <c>LunaPoint:Notifications:Evaluation</c>.</summary>
internal sealed class EvaluationOptions
{
    /// <summary>Facts waiting for the alert writer; a full queue holds the publisher back (see <see cref="EnqueueWaitMilliseconds"/>).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long a publisher waits for room in a full queue before the fact is dropped (logged and counted).</summary>
    public int EnqueueWaitMilliseconds { get; set; } = 2_000;

    /// <summary>How long the writer keeps retrying one fact while the database refuses it before dropping it (logged and counted).</summary>
    public int RetryForSeconds { get; set; } = 120;

    /// <summary>How often the stream health watcher asks Streams for every stream's status.</summary>
    public double StreamHealthPollSeconds { get; set; } = 1;

    /// <summary>
    /// A stream in progress counts as without frames only once its last frame is this old: the Detection
    /// worker refreshes the last frame time every 5 s while frames flow, so less would flag healthy streams.
    /// </summary>
    public double StaleFrameSeconds { get; set; } = 7.5;

    /// <summary>How often the escalation worker looks for alerts nobody acknowledged in time.</summary>
    public double EscalationPollSeconds { get; set; } = 1;
}
