using System.Diagnostics.Metrics;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>The <c>LunaPoint.Events</c> meter: what ingestion wrote, dropped and how long its batches took.</summary>
internal sealed class IngestionMetrics
{
    public const string MeterName = "LunaPoint.Events";

    private readonly Counter<long> _written;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _batch;
    private readonly Queue<double> _recentBatches = new();
    private long _writtenTotal;
    private long _droppedTotal;
    private long _failedTotal;

    public IngestionMetrics(IMeterFactory meters, ShotQueue queue)
    {
        var meter = meters.Create(MeterName);
        _written = meter.CreateCounter<long>("lunapoint.events.shots.written", "{shot}", "Best shots written as events");
        _dropped = meter.CreateCounter<long>("lunapoint.events.shots.dropped", "{shot}", "Unmatched best shots dropped because the database was unavailable and the buffer was full");
        _failed = meter.CreateCounter<long>("lunapoint.events.shots.failed", "{shot}", "Best shots that could never be written (refused by a reachable database)");
        _batch = meter.CreateHistogram<double>("lunapoint.events.batch.duration", "ms", "Time to write one batch of shots");
        meter.CreateObservableGauge("lunapoint.events.queue.length", () => (long)queue.Count, "{shot}", "Shots waiting in the ingestion queue");
    }

    public long Written => Interlocked.Read(ref _writtenTotal);

    public long Dropped => Interlocked.Read(ref _droppedTotal);

    public long Failed => Interlocked.Read(ref _failedTotal);

    public void ShotsWritten(int count)
    {
        Interlocked.Add(ref _writtenTotal, count);
        _written.Add(count);
    }

    public void ShotDropped()
    {
        Interlocked.Increment(ref _droppedTotal);
        _dropped.Add(1);
    }

    public void ShotFailed()
    {
        Interlocked.Increment(ref _failedTotal);
        _failed.Add(1);
    }

    public void BatchWritten(double milliseconds)
    {
        _batch.Record(milliseconds);
        lock (_recentBatches)
        {
            _recentBatches.Enqueue(milliseconds);
            if (_recentBatches.Count > 4096)
            {
                _recentBatches.Dequeue();
            }
        }
    }

    /// <summary>Durations of the last batches (the benchmark's p95).</summary>
    public double[] RecentBatchMilliseconds()
    {
        lock (_recentBatches)
        {
            return [.. _recentBatches];
        }
    }
}
