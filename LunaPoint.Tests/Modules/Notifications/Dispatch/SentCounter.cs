using System.Diagnostics.Metrics;

namespace LunaPoint.Tests.Modules.Notifications.Dispatch;

/// <summary>Listens to the module's sent counter (every host in the process; tests compare with at least).</summary>
internal sealed class SentCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _webhook;
    private long _console;

    public SentCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "LunaPoint.Notifications" && instrument.Name == "lunapoint.notifications.deliveries.sent")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "channel", Value: "webhook" })
                {
                    Interlocked.Add(ref _webhook, value);
                }
                else if (tag is { Key: "channel", Value: "console" })
                {
                    Interlocked.Add(ref _console, value);
                }
            }
        });
        _listener.Start();
    }

    public long Webhook => Interlocked.Read(ref _webhook);

    public long Console => Interlocked.Read(ref _console);

    public void Dispose() => _listener.Dispose();
}
