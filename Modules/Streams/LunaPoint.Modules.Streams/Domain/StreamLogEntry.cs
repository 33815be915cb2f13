namespace LunaPoint.Modules.Streams.Domain;

/// <summary>One status transition of a stream, with why it happened.</summary>
internal sealed class StreamLogEntry
{
    public long Id { get; init; }
    public Guid StreamId { get; init; }
    public DateTimeOffset At { get; init; }
    public StreamStatus? FromStatus { get; init; }
    public StreamStatus ToStatus { get; init; }
    public string? Reason { get; init; }
}
