namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// One partition's entries in blocks, densely packed (slot = block * capacity + offset): a removal moves
/// the last entry into the hole, so a scan never skips dead slots. Callers hold the index's write lock.
/// </summary>
internal sealed class IndexPartition(int blockCapacity)
{
    private readonly Dictionary<Guid, int> _slots = [];

    public List<IndexBlock> Blocks { get; } = [];

    public int Count => _slots.Count;

    public bool Contains(Guid id) => _slots.ContainsKey(id);

    public long Bytes => Blocks.Sum(b => b.Bytes) + (_slots.Count * 28L);

    /// <summary>Adds or replaces; answers the owner ordinal the entry had before (-1 when it is new).</summary>
    public int Put(EncodedEntry entry, int owner)
    {
        int previous = -1;
        if (!_slots.TryGetValue(entry.Id, out var slot))
        {
            slot = _slots.Count;
            if (slot == Blocks.Count * blockCapacity)
            {
                Blocks.Add(new IndexBlock(blockCapacity));
            }

            _slots[entry.Id] = slot;
            Blocks[slot / blockCapacity].Count++;
        }
        else
        {
            previous = Blocks[slot / blockCapacity].Owners[slot % blockCapacity];
        }

        var block = Blocks[slot / blockCapacity];
        var offset = slot % blockCapacity;
        entry.Floats.CopyTo(block.FloatsAt(offset));
        entry.Codes.CopyTo(block.CodesAt(offset));
        block.Scales[offset] = entry.Scale;
        block.Ids[offset] = entry.Id;
        block.Owners[offset] = owner;
        return previous;
    }

    /// <summary>Answers the removed entry's owner ordinal, or -1 when the id is not here.</summary>
    public int Remove(Guid id)
    {
        if (!_slots.Remove(id, out var slot))
        {
            return -1;
        }

        var block = Blocks[slot / blockCapacity];
        var offset = slot % blockCapacity;
        var owner = block.Owners[offset];
        var last = _slots.Count;
        var lastBlock = Blocks[last / blockCapacity];
        if (last != slot)
        {
            lastBlock.CopySlot(last % blockCapacity, block, offset);
            _slots[block.Ids[offset]] = slot;
        }

        lastBlock.Count--;
        if (lastBlock.Count == 0)
        {
            Blocks.RemoveAt(Blocks.Count - 1);
        }

        return owner;
    }

    /// <summary>Every owner ordinal stored (for releasing them when the partition goes).</summary>
    public IEnumerable<int> OwnerOrdinals() => Blocks.SelectMany(b => b.Owners.Take(b.Count));
}
