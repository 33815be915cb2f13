using System.Numerics.Tensors;

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
/// STUB (lead, step 7 contract): a plain exact scan so every feature works; the matcher task replaces the
/// inside (contiguous memory, quantised prefilter + exact re-rank, all cores) keeping this surface.
/// </remarks>
internal sealed class DescriptorIndex<TPartition>
    where TPartition : notnull
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<TPartition, Dictionary<Guid, (Guid Owner, float[] Descriptor)>> _partitions = [];

    public int Dimensions { get; } = DescriptorCodec.Dimensions;

    /// <summary>Entries in every partition (an entry in two partitions counts twice).</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _partitions.Values.Sum(p => p.Count);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public IReadOnlyList<TPartition> Partitions
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return [.. _partitions.Keys];
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds an entry, or replaces the entry of the same id in that partition. The descriptor must be unit length.</summary>
    public void Add(TPartition partition, Guid id, Guid owner, ReadOnlySpan<float> descriptor)
    {
        if (descriptor.Length != Dimensions)
        {
            throw new ArgumentException($"A descriptor has {Dimensions} values.", nameof(descriptor));
        }

        var copy = descriptor.ToArray();
        _lock.EnterWriteLock();
        try
        {
            if (!_partitions.TryGetValue(partition, out var entries))
            {
                _partitions[partition] = entries = [];
            }

            entries[id] = (owner, copy);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Many entries at once (the rebuild at start, bulk enrolment).</summary>
    public void AddRange(TPartition partition, IEnumerable<(Guid Id, Guid Owner, float[] Descriptor)> entries)
    {
        foreach (var (id, owner, descriptor) in entries)
        {
            Add(partition, id, owner, descriptor);
        }
    }

    public bool Remove(TPartition partition, Guid id)
    {
        _lock.EnterWriteLock();
        try
        {
            return _partitions.TryGetValue(partition, out var entries) && entries.Remove(id);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes the entry from every partition that holds it; answers how many copies went.</summary>
    public int RemoveEverywhere(Guid id)
    {
        _lock.EnterWriteLock();
        try
        {
            return _partitions.Values.Count(entries => entries.Remove(id));
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool RemovePartition(TPartition partition)
    {
        _lock.EnterWriteLock();
        try
        {
            return _partitions.Remove(partition);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Clear()
    {
        _lock.EnterWriteLock();
        try
        {
            _partitions.Clear();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public IReadOnlyList<IndexHit<TPartition>> Search(ReadOnlySpan<float> query, IndexQuery<TPartition> request)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"A descriptor has {Dimensions} values.", nameof(query));
        }

        var hits = new List<IndexHit<TPartition>>();
        _lock.EnterReadLock();
        try
        {
            var partitions = request.Partitions is null
                ? _partitions
                : request.Partitions.Distinct().Where(_partitions.ContainsKey).Select(p => KeyValuePair.Create(p, _partitions[p]));
            foreach (var (partition, entries) in partitions)
            {
                foreach (var (id, (owner, descriptor)) in entries)
                {
                    if (request.Owners is not null && !request.Owners.Contains(owner))
                    {
                        continue;
                    }

                    var cosine = TensorPrimitives.Dot(query, descriptor);
                    if (cosine >= request.MinCosine)
                    {
                        hits.Add(new IndexHit<TPartition>(id, owner, partition, cosine));
                    }
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        IEnumerable<IndexHit<TPartition>> ordered = hits.OrderByDescending(h => h.Cosine).ThenBy(h => h.Id);
        if (request.DistinctOwners)
        {
            ordered = ordered.DistinctBy(h => (h.Owner, h.Partition));
        }

        return ordered.Take(Math.Max(0, request.Limit)).ToList();
    }
}
