namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// Watchlist faces: partition = list id, entry id = face photo id, owner = face id. A face in two lists is
/// in two partitions. Singleton; filled by the loader at start, then kept in step with every change.
/// </summary>
internal sealed class WatchlistIndex
{
    public DescriptorIndex<Guid> Index { get; } = new();

    /// <summary>Completes when the start-up rebuild from the database has finished.</summary>
    public IndexReadiness Readiness { get; } = new();
}

/// <summary>
/// Event descriptors: partition = UTC day the event started, entry id = event id, owner = stream id; a
/// search limited to a time range reads only those days.
/// </summary>
internal sealed class EventIndex
{
    public DescriptorIndex<DateOnly> Index { get; } = new();

    public IndexReadiness Readiness { get; } = new();

    public static DateOnly PartitionOf(DateTimeOffset startedAt) => DateOnly.FromDateTime(startedAt.UtcDateTime);

    /// <summary>The day partitions a [from, to] range touches (either end may be open).</summary>
    public IReadOnlyCollection<DateOnly>? PartitionsBetween(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null && to is null)
        {
            return null;
        }

        var first = from is { } f ? PartitionOf(f) : DateOnly.MinValue;
        var last = to is { } t ? PartitionOf(t) : DateOnly.MaxValue;
        return Index.Partitions.Where(p => p >= first && p <= last).ToList();
    }
}

/// <summary>Whether an index has been rebuilt from the database; searches before that answer 503.</summary>
internal sealed class IndexReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public Task WhenReady => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();
}
