using System.Collections.Concurrent;
using LunaPoint.Modules.Streams.Contracts;
using Mediator;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// Each stream's name, location and lists, asked of Streams once and kept until Streams says the stream
/// changed or went (<see cref="StreamChanged"/>, <see cref="StreamDeleted"/>).
/// </summary>
internal sealed class StreamContextCache
{
    private readonly ConcurrentDictionary<Guid, StreamEventContext?> _contexts = new();
    private long _generation;

    public async ValueTask<StreamEventContext?> GetAsync(Guid streamId, ISender sender, CancellationToken cancellationToken)
    {
        if (_contexts.TryGetValue(streamId, out var cached))
        {
            return cached;
        }

        var generation = Interlocked.Read(ref _generation);
        var context = await sender.Send(new GetStreamEventContext(streamId), cancellationToken);
        // An invalidation that came while asking may be about this stream: then the answer is not kept.
        if (generation == Interlocked.Read(ref _generation))
        {
            _contexts[streamId] = context;
        }

        return context;
    }

    public void Invalidate(Guid streamId)
    {
        Interlocked.Increment(ref _generation);
        _contexts.TryRemove(streamId, out _);
    }
}
