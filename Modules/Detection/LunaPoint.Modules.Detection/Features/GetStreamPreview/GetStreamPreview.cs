using LunaPoint.Modules.Detection.Workers;
using LunaPoint.SharedKernel.Errors;
using Mediator;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>The newest analysed frame of a stream with its tracks drawn (JPEG).</summary>
internal sealed record GetStreamPreview(Guid StreamId) : IQuery<byte[]>;

internal sealed class GetStreamPreviewHandler(StreamRuntimes runtimes, TimeProvider clock) : IQueryHandler<GetStreamPreview, byte[]>
{
    // Nobody looked for a while, so the preview held is old: wait this long at most for a fresh one.
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WaitForFresh = TimeSpan.FromSeconds(2);

    public async ValueTask<byte[]> Handle(GetStreamPreview query, CancellationToken cancellationToken)
    {
        var runtime = runtimes.Find(query.StreamId) ?? throw new NotFoundException("Analysis of stream", query.StreamId);
        var asked = clock.GetTimestamp();
        runtime.WantPreview(clock);
        while (runtime.Running && clock.GetElapsedTime(runtime.PreviewAt) > Fresh && clock.GetElapsedTime(asked) < WaitForFresh)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, cancellationToken);
        }

        return runtime.Preview ?? throw new NotFoundException("Analysed frame of stream", query.StreamId);
    }
}
