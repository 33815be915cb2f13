namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// A fixed-size run of entries in contiguous arrays: the float copy for the re-rank, the 4-bit codes and
/// scales the scan reads, ids and owner ordinals. Growing adds a block; nothing already stored is copied.
/// </summary>
internal sealed class IndexBlock(int capacity)
{
    public float[] Floats { get; } = GC.AllocateUninitializedArray<float>(capacity * DescriptorCodec.Dimensions);

    public byte[] Codes { get; } = GC.AllocateUninitializedArray<byte>(capacity * FourBitCodes.BytesPerVector);

    public float[] Scales { get; } = new float[capacity];

    public Guid[] Ids { get; } = new Guid[capacity];

    public int[] Owners { get; } = new int[capacity];

    /// <summary>Entries in use: slots 0..Count-1.</summary>
    public int Count { get; set; }

    public Span<float> FloatsAt(int slot) => Floats.AsSpan(slot * DescriptorCodec.Dimensions, DescriptorCodec.Dimensions);

    public Span<byte> CodesAt(int slot) => Codes.AsSpan(slot * FourBitCodes.BytesPerVector, FourBitCodes.BytesPerVector);

    public void CopySlot(int from, IndexBlock target, int to)
    {
        FloatsAt(from).CopyTo(target.FloatsAt(to));
        CodesAt(from).CopyTo(target.CodesAt(to));
        target.Scales[to] = Scales[from];
        target.Ids[to] = Ids[from];
        target.Owners[to] = Owners[from];
    }

    public long Bytes => ((long)Floats.Length * sizeof(float)) + Codes.Length + (Scales.Length * 4L) + (Ids.Length * 16L) + (Owners.Length * 4L);
}
