using System.Diagnostics.Metrics;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>The dispatcher's instruments on the module's meter, each tagged with the channel.</summary>
internal sealed class DispatchMetrics
{
    public const string MeterName = "LunaPoint.Notifications";
    public const string SentName = "lunapoint.notifications.deliveries.sent";
    public const string FailedName = "lunapoint.notifications.deliveries.failed";
    public const string DeadName = "lunapoint.notifications.deliveries.dead";
    public const string DurationName = "lunapoint.notifications.send.duration";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dead;
    private readonly Histogram<double> _duration;

    public DispatchMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>(SentName, "{delivery}", "Deliveries the channel's receiver accepted.");
        _failed = meter.CreateCounter<long>(FailedName, "{attempt}", "Send attempts that failed (retried later or dead).");
        _dead = meter.CreateCounter<long>(DeadName, "{delivery}", "Deliveries given up as dead letters.");
        _duration = meter.CreateHistogram<double>(DurationName, "s", "Time one send attempt took, success or not.");
    }

    public void Sent(ChannelType channel) => _sent.Add(1, Tag(channel));

    public void Failed(ChannelType channel) => _failed.Add(1, Tag(channel));

    public void Dead(ChannelType channel) => _dead.Add(1, Tag(channel));

    public void Took(ChannelType channel, TimeSpan elapsed) => _duration.Record(elapsed.TotalSeconds, Tag(channel));

    private static KeyValuePair<string, object?> Tag(ChannelType channel) => new("channel", AlertMapping.ChannelName(channel));
}
