using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// Descriptors as stored and exchanged: 512 little-endian float32 (2048 bytes), L2-normalised. The only
/// place that turns bytes, base64 and float arrays into each other, and that checks them.
/// </summary>
internal static class DescriptorCodec
{
    public const int Dimensions = 512;
    public const int ByteLength = Dimensions * sizeof(float);

    /// <summary>The model every stored descriptor comes from (Detection's fr_feature).</summary>
    public const string Model = "fr_feature";

    public static byte[] ToBytes(ReadOnlySpan<float> descriptor)
    {
        if (descriptor.Length != Dimensions)
        {
            throw new ArgumentException($"A descriptor has {Dimensions} values, not {descriptor.Length}.", nameof(descriptor));
        }

        var bytes = new byte[ByteLength];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(descriptor).CopyTo(bytes);
        }
        else
        {
            for (var i = 0; i < Dimensions; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), descriptor[i]);
            }
        }

        return bytes;
    }

    public static float[] ToFloats(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLength)
        {
            throw new ArgumentException($"A stored descriptor has {ByteLength} bytes, not {bytes.Length}.", nameof(bytes));
        }

        var floats = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            floats[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
        }

        return floats;
    }

    /// <summary>
    /// A client's descriptor (base64 of 512 little-endian float32): null with the reason when it is not
    /// base64, has the wrong length, holds NaN/infinity or is all zeros. Returned L2-normalised.
    /// </summary>
    public static float[]? TryParseBase64(string? base64, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(base64))
        {
            error = "descriptor is required: base64 of 512 little-endian float32 (2048 bytes).";
            return null;
        }

        // 2048 bytes are 2732 base64 characters; anything much longer is refused before decoding.
        if (base64.Length > 2800)
        {
            error = $"descriptor must be base64 of exactly {ByteLength} bytes.";
            return null;
        }

        var buffer = new byte[2100];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written))
        {
            error = "descriptor is not valid base64.";
            return null;
        }

        if (written != ByteLength)
        {
            error = $"descriptor must be {ByteLength} bytes (512 float32), not {written}.";
            return null;
        }

        var floats = ToFloats(buffer.AsSpan(0, written));
        return TryNormalise(floats, out error) ? floats : null;
    }

    /// <summary>Scales to unit length in place; false (with the reason) for NaN, infinity or a zero vector.</summary>
    public static bool TryNormalise(Span<float> descriptor, out string? error)
    {
        error = null;
        foreach (var value in descriptor)
        {
            if (!float.IsFinite(value))
            {
                error = "descriptor holds a value that is not a finite number.";
                return false;
            }
        }

        var norm = TensorPrimitives.Norm(descriptor);
        if (!(norm > 1e-6f) || !float.IsFinite(norm))
        {
            error = "descriptor is a zero vector.";
            return false;
        }

        TensorPrimitives.Divide(descriptor, norm, descriptor);
        return true;
    }
}
