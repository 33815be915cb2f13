namespace LunaPoint.Modules.Events.Matching;

/// <summary>An entry made ready outside the write lock: checked, copied and quantised.</summary>
internal sealed class EncodedEntry
{
    /// <summary>Keeps <paramref name="descriptor"/> (not a copy) until it is copied into a block.</summary>
    public EncodedEntry(Guid id, Guid owner, float[] descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.Length != DescriptorCodec.Dimensions)
        {
            throw new ArgumentException($"A descriptor has {DescriptorCodec.Dimensions} values, not {descriptor.Length}.", nameof(descriptor));
        }

        Id = id;
        Owner = owner;
        Floats = descriptor;
        Scale = FourBitCodes.Encode(descriptor, Codes);
    }

    public Guid Id { get; }

    public Guid Owner { get; }

    public float[] Floats { get; }

    public byte[] Codes { get; } = new byte[FourBitCodes.BytesPerVector];

    public float Scale { get; }
}
