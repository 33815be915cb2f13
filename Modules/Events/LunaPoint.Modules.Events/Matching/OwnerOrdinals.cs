namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// Owners as small integers, counted by use, so the scan filters owners by indexing a bool array instead
/// of hashing a Guid per entry. Ordinals of owners no longer stored are reused. Callers hold the write lock.
/// </summary>
internal sealed class OwnerOrdinals
{
    private readonly Dictionary<Guid, int> _ordinals = [];
    private readonly List<int> _uses = [];
    private readonly Stack<int> _free = new();

    /// <summary>One past the largest ordinal handed out: the size of a mask.</summary>
    public int Capacity => _uses.Count;

    public List<Guid> Owners { get; } = [];

    public int Acquire(Guid owner)
    {
        if (!_ordinals.TryGetValue(owner, out var ordinal))
        {
            if (_free.TryPop(out ordinal))
            {
                Owners[ordinal] = owner;
            }
            else
            {
                ordinal = _uses.Count;
                _uses.Add(0);
                Owners.Add(owner);
            }

            _ordinals[owner] = ordinal;
        }

        _uses[ordinal]++;
        return ordinal;
    }

    public void Release(int ordinal)
    {
        if (--_uses[ordinal] == 0)
        {
            _ordinals.Remove(Owners[ordinal]);
            _free.Push(ordinal);
        }
    }

    public void Clear()
    {
        _ordinals.Clear();
        _uses.Clear();
        _free.Clear();
        Owners.Clear();
    }

    /// <summary>A mask of the given owners' ordinals; null when none of them is stored.</summary>
    public bool[]? Mask(IEnumerable<Guid> owners)
    {
        bool[]? mask = null;
        foreach (var owner in owners)
        {
            if (_ordinals.TryGetValue(owner, out var ordinal))
            {
                mask ??= new bool[Capacity];
                mask[ordinal] = true;
            }
        }

        return mask;
    }
}
