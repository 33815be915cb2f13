using LunaPoint.SharedKernel.Errors;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>Turns photo bytes into a BGR image, or refuses them naming the field <c>image</c>; nothing is decoded before the header passed.</summary>
internal static class PhotoDecoder
{
    public const string Field = "image";

    public static Mat Decode(byte[] bytes, PhotoOptions options)
    {
        var header = Inspect(bytes, options);
        var image = Cv2.ImDecode(bytes, ImreadModes.Color);
        if (image.Empty() || image.Width * image.Height != header.Width * header.Height)
        {
            image.Dispose();
            throw new UnprocessableContentException(Field, $"The {header.Format} photo could not be decoded.");
        }

        return image;
    }

    /// <summary>The photo's header if its size, pixels and completeness are acceptable; decodes nothing, so it is cheap to do before waiting for a turn.</summary>
    public static PhotoHeader Inspect(byte[] bytes, PhotoOptions options)
    {
        if (bytes.LongLength > options.MaxBytes)
        {
            throw new ContentTooLargeException(Field, $"The photo is larger than {options.MaxBytes} bytes.");
        }

        var header = PhotoHeaders.Read(bytes)
            ?? throw new UnprocessableContentException(Field, "The photo is not a JPEG, PNG, BMP or WebP image, or its header is damaged.");
        if ((long)header.Width * header.Height > options.MaxPixels)
        {
            throw new ContentTooLargeException(Field, $"The photo is {header.Width}x{header.Height} pixels; at most {options.MaxPixels} pixels are accepted.");
        }

        if (!header.Complete)
        {
            throw new UnprocessableContentException(Field, $"The {header.Format} photo is cut short: it ends before the end of the image.");
        }

        return header;
    }
}
