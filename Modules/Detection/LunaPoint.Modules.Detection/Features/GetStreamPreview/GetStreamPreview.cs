using LunaPoint.Modules.Detection.Workers;
using LunaPoint.SharedKernel.Errors;
using Mediator;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>The newest analysed frame of a stream with its tracks drawn (JPEG).</summary>
internal sealed record GetStreamPreview(Guid StreamId) : IQuery<byte[]>;

internal sealed class GetStreamPreviewHandler(StreamRuntimes runtimes, TimeProvider clock) : IQueryHandler<GetStreamPreview, byte[]>
{
    // Someone looking keeps previews coming for this long after their last request.
    public static readonly TimeSpan KeepDrawing = TimeSpan.FromSeconds(10);

    public ValueTask<byte[]> Handle(GetStreamPreview query, CancellationToken cancellationToken)
    {
        var runtime = runtimes.Find(query.StreamId) ?? throw new NotFoundException("Analysis of stream", query.StreamId);
        runtime.WantPreview(clock.GetTimestamp() + (long)(KeepDrawing.TotalSeconds * clock.TimestampFrequency));
        return ValueTask.FromResult(runtime.Preview ?? throw new NotFoundException("Analysed frame of stream", query.StreamId));
    }
}
