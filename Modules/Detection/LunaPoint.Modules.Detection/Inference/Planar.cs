using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>Writes an 8-bit image into a model's float input: NCHW planes, (p - mean) * scale per channel.</summary>
internal static class Planar
{
    /// <param name="rgb">Write the planes in R, G, B order (from BGR pixels); else B, G, R.</param>
    public static void Fill(Mat image, Span<float> input, float mean, float scale, bool rgb) =>
        Fill(image, input, [mean, mean, mean], [scale, scale, scale], rgb);

    /// <param name="mean">Per plane, in the order written.</param>
    /// <param name="scale">Per plane, in the order written.</param>
    public static void Fill(Mat image, Span<float> input, ReadOnlySpan<float> mean, ReadOnlySpan<float> scale, bool rgb)
    {
        using var continuous = image.IsContinuous() ? null : image.Clone();
        var source = continuous ?? image;
        var channels = source.Channels();
        var plane = source.Rows * source.Cols;
        if (input.Length != plane * channels)
        {
            throw new ArgumentException($"The input holds {input.Length} floats, the image {plane * channels}.", nameof(input));
        }

        var pixels = source.AsSpan<byte>();
        for (var c = 0; c < channels; c++)
        {
            // BGR pixels: plane 0 of an RGB input is byte 2 of each pixel.
            var from = rgb && channels == 3 ? 2 - c : c;
            var target = input.Slice(c * plane, plane);
            var (m, s) = (mean[c], scale[c]);
            for (var i = 0; i < plane; i++)
            {
                target[i] = (pixels[i * channels + from] - m) * s;
            }
        }
    }
}
