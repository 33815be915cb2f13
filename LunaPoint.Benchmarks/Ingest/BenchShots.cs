using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Matching;
using OpenCvSharp;

namespace LunaPoint.Benchmarks.Ingest;

/// <summary>
/// Best shots as Detection sends them: a 112x112 face and a context crop JPEG (quality 90, as the
/// emitter encodes) cut from a real photo, and a random unit descriptor per track.
/// </summary>
internal sealed class BenchShots(byte[] faceJpeg, byte[] contextJpeg)
{
    public byte[] FaceJpeg => faceJpeg;

    public byte[] ContextJpeg => contextJpeg;

    public static BenchShots FromPhoto(string photo)
    {
        using var image = Cv2.ImRead(photo, ImreadModes.Color);
        if (image.Empty())
        {
            throw new InvalidOperationException($"cannot read {photo} (run scripts/test.sh once to fetch the test media)");
        }

        var side = Math.Min(image.Width, image.Height);
        using var square = new Mat(image, new Rect((image.Width - side) / 2, (image.Height - side) / 2, side, side));
        using var face = square.Resize(new Size(112, 112));
        using var context = square.Resize(new Size(Math.Min(side, 360), Math.Min(side, 360)));
        int[] quality = [(int)ImwriteFlags.JpegQuality, 90];
        return new BenchShots(face.ImEncode(".jpg", quality), context.ImEncode(".jpg", quality));
    }

    public FaceBestShotCaptured Shot(Guid stream, Guid track, BestShotKind kind, DateTimeOffset startedAt, float[] descriptor) =>
        new(stream, track, kind, startedAt, DateTimeOffset.UtcNow, null, 1280, 720, new FaceBox(400, 200, 160, 160),
            [new FacePoint(440, 260), new FacePoint(520, 260), new FacePoint(480, 300), new FacePoint(450, 330), new FacePoint(510, 330)],
            descriptor, DescriptorCodec.Model, 0.8, faceJpeg, contextJpeg);

    public static float[] RandomDescriptor(Random random)
    {
        var values = new float[DescriptorCodec.Dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() - 0.5);
        }

        DescriptorCodec.TryNormalise(values, out _);
        return values;
    }
}
