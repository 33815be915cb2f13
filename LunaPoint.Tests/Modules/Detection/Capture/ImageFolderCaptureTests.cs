using LunaPoint.Modules.Detection.Video;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Capture;

/// <summary>A folder of images: name order, files added later, undecodable files, a folder that disappears.</summary>
public sealed class ImageFolderCaptureTests : IDisposable
{
    private static readonly CaptureOptions Fast = new() { ImagePollMs = 100, ImageQuietMs = 1500 };
    private readonly string _dir = Directory.CreateTempSubdirectory("lunapoint-images-").FullName;

    [Fact]
    public async Task Folder_ReadInNameOrder_NewFilePickedUp_UndecodableSkipped_ThenFinished()
    {
        // The width tells the files apart; names sort ordinally ("B" before "a").
        WriteImage("b.png", 102);
        WriteImage("B.png", 100);
        WriteImage("a.jpg", 101);
        File.WriteAllText(Path.Combine(_dir, "a2.jpg"), "not an image");
        // A read timeout shorter than the quiet period: waiting for new files is not a stall.
        await using var run = new CaptureRun(CaptureRun.NewSpec("images", _dir, settings: CaptureRun.Settings(maxFps: 20, readTimeoutMs: 500)), Fast, capacity: 16);

        await run.UntilFramesAsync(3);
        WriteImage("c.png", 103);
        await run.UntilAsync(o => o.Events.OfType<Finished>().Any());

        Assert.Equal([100, 101, 102, 103], run.Frames.Select(f => f.Width));
        Assert.Equal([typeof(Streaming), typeof(Finished)], run.Observer.Events.Select(e => e.GetType()));
        Assert.Contains(run.Logs.Lines, l => l.Message.Contains("a2.jpg") && l.Message.Contains("not a decodable image"));
        // Paced at maxAnalysisFps (20): four images take at least three intervals.
        Assert.True(run.Frames[^1].At - run.Frames[0].At >= TimeSpan.FromMilliseconds(140));
    }

    [Fact]
    public async Task SymlinkedFile_AndPngDeclaringAHugePicture_AreSkipped_WithoutReadingOrDecodingThem()
    {
        // A link to a real picture (even one under a media root) and a 40-byte PNG that claims 30000x30000
        // pixels (2.7 GB decoded): neither may reach the decoder.
        WriteImage("a.png", 100);
        File.CreateSymbolicLink(Path.Combine(_dir, "b.png"), RepoPaths.Media("faceDetection.png"));
        File.WriteAllBytes(Path.Combine(_dir, "c.png"), HugePngHeader(30000, 30000));
        WriteImage("d.png", 104);
        await using var run = new CaptureRun(CaptureRun.NewSpec("images", _dir, settings: CaptureRun.Settings(maxFps: 20, readTimeoutMs: 500)), Fast, capacity: 16);

        await run.UntilAsync(o => o.Events.OfType<Finished>().Any());

        Assert.Equal([100, 104], run.Frames.Select(f => f.Width));
        Assert.Contains(run.Logs.Lines, l => l.Message.Contains("b.png") && l.Message.Contains("not a regular file under a media root"));
        Assert.Contains(run.Logs.Lines, l => l.Message.Contains("c.png") && l.Message.Contains("30000x30000"));
    }

    private static byte[] HugePngHeader(int width, int height)
    {
        var png = new List<byte> { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' };
        png.AddRange(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(width)));
        png.AddRange(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(height)));
        png.AddRange([8, 0, 0, 0, 0, 0, 0, 0, 0]); // 8-bit gray, then a (wrong) CRC: the header is all that is read
        png.AddRange([0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82]);
        return [.. png];
    }

    [Fact]
    public async Task FolderDeleted_FailsWithReason_ThenStreamsAgainWhenRecreated()
    {
        WriteImage("1.png", 100);
        await using var run = new CaptureRun(
            CaptureRun.NewSpec("images", _dir, endless: true, settings: CaptureRun.Settings(maxFps: 20, reconnectDelayMs: 100, maxBackoffMs: 400)), Fast);
        await run.UntilFramesAsync(1);

        Directory.Delete(_dir, recursive: true);
        await run.UntilAsync(o => o.Failures.Count >= 1);
        Directory.CreateDirectory(_dir);
        WriteImage("2.png", 120);
        await run.UntilAsync(o => o.StreamingCount == 2);
        await run.UntilFramesAsync(2);

        Assert.Contains("does not exist", run.Observer.Failures[0].Reason);
        Assert.NotNull(run.Observer.Failures[0].RetryIn);
        Assert.Equal(120, run.Frames[^1].Width);
        Assert.DoesNotContain(run.Observer.Events, e => e is Finished);
    }

    [Fact]
    public async Task Batch_ReadsAsFastAsAnalysisTakes_NothingDropped()
    {
        for (var i = 0; i < 12; i++)
        {
            WriteImage($"{i:00}.png", 100 + i);
        }

        await using var run = new CaptureRun(CaptureRun.NewSpec("images", _dir, settings: CaptureRun.Settings(maxFps: 1, batch: true)), Fast, capacity: 2);

        await run.UntilAsync(o => o.Events.OfType<Finished>().Any());

        Assert.Equal(Enumerable.Range(100, 12), run.Frames.Select(f => f.Width));
        Assert.Equal(0, run.Queue.Dropped);
    }

    private void WriteImage(string name, int width)
    {
        using var image = new Mat(60, width, MatType.CV_8UC3, new OpenCvSharp.Scalar(30, 120, 200));
        var path = Path.Combine(_dir, name);
        Cv2.ImWrite(path, image);
        // Older than one poll interval: the folder reader takes it at its next listing.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-5));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
