using LunaPoint.Modules.Detection.Video;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Capture;

public sealed class FrameQueueTests
{
    [Fact]
    public async Task DropOldest_WhenFull_DropsDisposesAndCountsTheOldestFrames()
    {
        using var queue = new FrameQueue(2, dropOldest: true);
        var frames = Enumerable.Range(0, 5).Select(i => Frame(i)).ToList();

        foreach (var frame in frames)
        {
            await queue.WriteAsync(frame, CancellationToken.None);
        }

        Assert.Equal(5, queue.Offered);
        Assert.Equal(3, queue.Dropped);
        Assert.All(frames.Take(3), f => Assert.True(f.Image.IsDisposed, $"dropped frame {f.Sequence} not disposed"));
        queue.Complete();
        var kept = await ReadAll(queue);
        Assert.Equal([3L, 4L], kept.Select(f => f.Sequence));
        Assert.All(kept, f => Assert.False(f.Image.IsDisposed));
        kept.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task Batch_WhenFull_WriterWaitsForTheReaderAndNothingIsDropped()
    {
        using var queue = new FrameQueue(2, dropOldest: false);
        await queue.WriteAsync(Frame(0), CancellationToken.None);
        await queue.WriteAsync(Frame(1), CancellationToken.None);

        var third = queue.WriteAsync(Frame(2), CancellationToken.None);
        Assert.False(third.IsCompleted, "a write to a full batch queue must wait");

        var reader = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        reader.Current.Dispose();
        await third.AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        queue.Complete();
        var rest = new List<VideoFrame>();
        while (await reader.MoveNextAsync())
        {
            rest.Add(reader.Current);
        }

        Assert.Equal([1L, 2L], rest.Select(f => f.Sequence));
        Assert.Equal(3, queue.Offered);
        Assert.Equal(0, queue.Dropped);
        rest.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task Batch_WaitingWriteCancelled_DisposesItsFrame()
    {
        using var queue = new FrameQueue(1, dropOldest: false);
        await queue.WriteAsync(Frame(0), CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var frame = Frame(1);

        var pending = queue.WriteAsync(frame, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
        Assert.True(frame.Image.IsDisposed);
    }

    [Fact]
    public async Task Dispose_DisposesFramesStillInside_AndLaterWritesAreDisposedAtOnce()
    {
        var queue = new FrameQueue(3, dropOldest: true);
        var inside = new[] { Frame(0), Frame(1) };
        foreach (var frame in inside)
        {
            await queue.WriteAsync(frame, CancellationToken.None);
        }

        queue.Dispose();
        var late = Frame(2);
        await queue.WriteAsync(late, CancellationToken.None);

        Assert.All(inside, f => Assert.True(f.Image.IsDisposed));
        Assert.True(late.Image.IsDisposed);
        Assert.Empty(await ReadAll(queue));
    }

    [Fact]
    public async Task DropOldest_ConcurrentWriterAndReader_EveryFrameIsReadOrDroppedExactlyOnce()
    {
        using var queue = new FrameQueue(2, dropOldest: true);
        var frames = Enumerable.Range(0, 2000).Select(i => Frame(i, size: 2)).ToList();
        var read = new List<VideoFrame>();
        var reader = Task.Run(async () =>
        {
            await foreach (var frame in queue.ReadAllAsync(CancellationToken.None))
            {
                read.Add(frame);
                frame.Dispose();
            }
        });

        foreach (var frame in frames)
        {
            await queue.WriteAsync(frame, CancellationToken.None);
        }

        queue.Complete();
        await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2000, queue.Offered);
        Assert.Equal(2000, read.Count + queue.Dropped);
        Assert.Equal(read.Count, read.Select(f => f.Sequence).Distinct().Count());
        Assert.All(frames, f => Assert.True(f.Image.IsDisposed, $"frame {f.Sequence} leaked"));
    }

    private static VideoFrame Frame(int sequence) => Frame(sequence, 8);

    private static VideoFrame Frame(int sequence, int size) =>
        new(new Mat(size, size, MatType.CV_8UC3, OpenCvSharp.Scalar.All(sequence % 255)), sequence, DateTimeOffset.UtcNow, null);

    private static async Task<List<VideoFrame>> ReadAll(FrameQueue queue)
    {
        var list = new List<VideoFrame>();
        await foreach (var frame in queue.ReadAllAsync(CancellationToken.None))
        {
            list.Add(frame);
        }

        return list;
    }
}
