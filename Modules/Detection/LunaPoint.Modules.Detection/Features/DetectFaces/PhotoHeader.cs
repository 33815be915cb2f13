using System.Buffers.Binary;

namespace LunaPoint.Modules.Detection.Features;

internal enum PhotoFormat
{
    Jpeg,
    Png,
    Bmp,
    WebP,
}

/// <summary>What a photo's header says: its format and size in pixels, and whether its bytes run to the format's end marker.</summary>
internal sealed record PhotoHeader(PhotoFormat Format, int Width, int Height, bool Complete);

/// <summary>
/// Reads format, width and height from the first bytes of a photo, before anything is decoded, so a
/// 20000x20000 image is refused without allocating 1.2 GB; and checks the file is whole (JPEG: an end of
/// image marker after the scan; PNG: the chunks run to IEND; BMP and WebP: as long as the header says),
/// because the decoders fill a cut-off picture with gray and say nothing.
/// </summary>
internal static class PhotoHeaders
{
    /// <returns>null when the bytes are none of JPEG, PNG, BMP or WebP, or their header is damaged.</returns>
    public static PhotoHeader? Read(ReadOnlySpan<byte> data)
    {
        try
        {
            return data switch
            {
                [0xFF, 0xD8, 0xFF, ..] => Jpeg(data),
                [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png(data),
                [(byte)'B', (byte)'M', ..] when data.Length >= 26 => Bmp(data),
                [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => WebP(data),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            // A length field pointing past the end: a damaged header.
            return null;
        }
    }

    private static PhotoHeader? Jpeg(ReadOnlySpan<byte> data)
    {
        int width = 0, height = 0;
        var at = 2;
        while (at + 4 <= data.Length)
        {
            if (data[at] != 0xFF)
            {
                return null;
            }

            var marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            // SOF0..SOF15 carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]);
            }
            else if (marker == 0xDA)
            {
                // In the entropy-coded data an 0xFF is followed by 0x00 or a restart marker, so FF D9 is the end.
                var complete = data[(at + 2 + length)..].IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
                return width > 0 && height > 0 ? new PhotoHeader(PhotoFormat.Jpeg, width, height, complete) : null;
            }

            at += 2 + length;
        }

        return width > 0 && height > 0 ? new PhotoHeader(PhotoFormat.Jpeg, width, height, Complete: false) : null;
    }

    private static PhotoHeader? Png(ReadOnlySpan<byte> data)
    {
        // IHDR is the first chunk: width and height, big-endian, at 16 and 20.
        if (data.Length < 24 || !data[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        long at = 8;
        var complete = false;
        while (at + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[(int)at..]);
            if (data.Slice((int)at + 4, 4).SequenceEqual("IEND"u8))
            {
                complete = true;
                break;
            }

            at += 12L + length;
        }

        return Sized(PhotoFormat.Png, width, height, complete);
    }

    private static PhotoHeader? Bmp(ReadOnlySpan<byte> data)
    {
        var fileSize = BinaryPrimitives.ReadUInt32LittleEndian(data[2..]);
        var width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
        // A negative height is a top-down bitmap.
        var height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data[22..]));
        return Sized(PhotoFormat.Bmp, width < 0 ? 0 : (uint)width, (uint)Math.Min(height, uint.MaxValue), data.Length >= fileSize);
    }

    private static PhotoHeader? WebP(ReadOnlySpan<byte> data)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        var complete = data.Length >= 8L + riffSize;
        var chunk = data[12..16];
        var body = data[20..];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // 24-bit canvas width and height minus one, after 4 bytes of flags.
            var width = 1u + body[4] + ((uint)body[5] << 8) + ((uint)body[6] << 16);
            var height = 1u + body[7] + ((uint)body[8] << 8) + ((uint)body[9] << 16);
            return Sized(PhotoFormat.WebP, width, height, complete);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then 14 bits width - 1 and 14 bits height - 1.
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(body[1..]);
            return Sized(PhotoFormat.WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, complete);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3 bytes), start code (3 bytes), then 14-bit width and height.
            var width = BinaryPrimitives.ReadUInt16LittleEndian(body[6..]) & 0x3FFFu;
            var height = BinaryPrimitives.ReadUInt16LittleEndian(body[8..]) & 0x3FFFu;
            return Sized(PhotoFormat.WebP, width, height, complete);
        }

        return null;
    }

    private static PhotoHeader? Sized(PhotoFormat format, uint width, uint height, bool complete) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue
            ? new PhotoHeader(format, (int)width, (int)height, complete)
            : null;
}
