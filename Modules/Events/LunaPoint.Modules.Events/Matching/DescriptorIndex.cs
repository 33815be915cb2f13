namespace LunaPoint.Modules.Events.Matching;

/// <summary>One hit of a search: the entry, its owner (face id or stream id), its partition and the exact cosine.</summary>
internal readonly record struct IndexHit<TPartition>(Guid Id, Guid Owner, TPartition Partition, float Cosine);

/// <summary>What to search for.</summary>
/// <param name="Limit">At most this many hits, best first.</param>
/// <param name="MinCosine">Hits below this cosine are left out.</param>
/// <param name="Partitions">Only these partitions (null: all).</param>
/// <param name="Owners">Only entries of these owners (null: all).</param>
/// <param name="DistinctOwners">At most one hit per (owner, partition): a face enrolled with several photos counts once per list.</param>
internal sealed record IndexQuery<TPartition>(
    int Limit,
    float MinCosine = -1f,
    IReadOnlyCollection<TPartition>? Partitions = null,
    IReadOnlySet<Guid>? Owners = null,
    bool DistinctOwners = false);

/// <summary>
/// An in-process 1:N index of unit descriptors, in partitions (lists for faces, days for events) so a search
/// reads only the partitions it needs. Answers equal an exact float search. Thread-safe: searches run
/// side by side; adds and removes take a short exclusive lock.
/// </summary>
/// <remarks>
/// Each partition keeps its entries densely in blocks: a float32 copy and a 4-bit copy (an eighth of the
/// bytes). A search scans the 4-bit copy on all cores, re-ranks the best few hundred by the exact float
/// cosine, and rescans with a wider net in the rare case the estimate's error margin says the exact top
/// could lie outside them (docs/matching.md, "Index").
/// </remarks>
internal sealed partial class DescriptorIndex<TPartition>
    where TPartition : notnull
{
    /// <summary>Entries per block: 8 MiB of floats and 1 MiB of codes, a unit of parallel work.</summary>
    public const int DefaultBlockCapacity = 4096;

    /// <summary>AddRange prepares this many entries outside the lock before taking it once.</summary>
    private const int AddChunk = 4096;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<TPartition, IndexPartition> _partitions = [];
    private readonly OwnerOrdinals _owners = new();
    private readonly int _blockCapacity;

    public DescriptorIndex()
        : this(DefaultBlockCapacity)
    {
    }

    /// <summary>Tests use small blocks to cross block edges with few entries.</summary>
    internal DescriptorIndex(int blockCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCapacity, 1);
        _blockCapacity = blockCapacity;
    }

    public int Dimensions { get; } = DescriptorCodec.Dimensions;

    /// <summary>Entries in every partition (an entry in two partitions counts twice).</summary>
    public int Count => Read(() => _partitions.Values.Sum(p => p.Count));

    public IReadOnlyList<TPartition> Partitions => Read<IReadOnlyList<TPartition>>(() => [.. _partitions.Keys]);

    /// <summary>Bytes held by the stored copies, ids and maps (an estimate of the managed memory).</summary>
    internal long MemoryBytes => Read(() => _partitions.Values.Sum(p => p.Bytes) + (_owners.Capacity * 40L));

    /// <summary>Adds an entry, or replaces the entry of the same id in that partition. The descriptor must be unit length.</summary>
    public void Add(TPartition partition, Guid id, Guid owner, ReadOnlySpan<float> descriptor)
    {
        if (descriptor.Length != Dimensions)
        {
            throw new ArgumentException($"A descriptor has {Dimensions} values, not {descriptor.Length}.", nameof(descriptor));
        }

        var entry = new EncodedEntry(id, owner, descriptor.ToArray());
        Write(() => Put(partition, entry));
    }

    /// <summary>Many entries at once (the rebuild at start, bulk enrolment): quantised on all cores outside the lock.</summary>
    public void AddRange(TPartition partition, IEnumerable<(Guid Id, Guid Owner, float[] Descriptor)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var chunk in entries.Chunk(AddChunk))
        {
            foreach (var (_, _, descriptor) in chunk)
            {
                // Checked here so the caller gets the ArgumentException itself, not one wrapped by Parallel.
                if (descriptor?.Length != Dimensions)
                {
                    throw new ArgumentException($"A descriptor has {Dimensions} values, not {descriptor?.Length ?? 0}.", nameof(entries));
                }
            }

            var encoded = new EncodedEntry[chunk.Length];
            Parallel.For(0, chunk.Length, i => encoded[i] = new EncodedEntry(chunk[i].Id, chunk[i].Owner, chunk[i].Descriptor));
            Write(() =>
            {
                foreach (var entry in encoded)
                {
                    Put(partition, entry);
                }

                return true;
            });
        }
    }

    public bool Remove(TPartition partition, Guid id) =>
        Write(() => _partitions.TryGetValue(partition, out var entries) && RemoveFrom(entries, id));

    /// <summary>Removes the entry from every partition that holds it; answers how many copies went.</summary>
    public int RemoveEverywhere(Guid id) =>
        Write(() => _partitions.Values.Count(p => RemoveFrom(p, id)));

    public bool RemovePartition(TPartition partition) => Write(() =>
    {
        if (!_partitions.Remove(partition, out var entries))
        {
            return false;
        }

        foreach (var ordinal in entries.OwnerOrdinals())
        {
            _owners.Release(ordinal);
        }

        return true;
    });

    public void Clear() => Write(() =>
    {
        _partitions.Clear();
        _owners.Clear();
        return true;
    });

    private bool Put(TPartition partition, EncodedEntry entry)
    {
        if (!_partitions.TryGetValue(partition, out var entries))
        {
            _partitions[partition] = entries = new IndexPartition(_blockCapacity);
        }

        var previous = entries.Put(entry, _owners.Acquire(entry.Owner));
        if (previous >= 0)
        {
            _owners.Release(previous);
        }

        return true;
    }

    private bool RemoveFrom(IndexPartition entries, Guid id)
    {
        var owner = entries.Remove(id);
        if (owner < 0)
        {
            return false;
        }

        // An emptied partition stays listed (as before): RemovePartition is what drops a day or a list.
        _owners.Release(owner);
        return true;
    }

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private T Write<T>(Func<T> write)
    {
        _lock.EnterWriteLock();
        try
        {
            return write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
