namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// The items read from the queue and not yet written, oldest first; the head is the batch being written.
/// Holds at most <c>maxShots</c> shots: past it the oldest shot that matches no watchlist goes, never a
/// matched one. Whether a shot matches is asked only when a drop is due, so normal running pays nothing.
/// </summary>
internal sealed class PendingBuffer(int maxShots, Func<ShotItem, bool> maybeMatched)
{
    private readonly LinkedList<IngestItem> _items = new();

    public int Count => _items.Count;

    public int Shots { get; private set; }

    /// <summary>Whether one more item may be read: room, or an unmatched shot to make room with.</summary>
    public bool CanTake => Shots < maxShots || OldestUnmatched() is not null;

    /// <summary>Adds an item; answers the shots dropped to stay within the bound.</summary>
    public List<ShotItem> Add(IngestItem item)
    {
        _items.AddLast(item);
        var dropped = new List<ShotItem>();
        if (item is not ShotItem)
        {
            return dropped;
        }

        Shots++;
        while (Shots > maxShots && OldestUnmatched() is { } oldest)
        {
            dropped.Add((ShotItem)oldest.Value);
            _items.Remove(oldest);
            Shots--;
        }

        return dropped;
    }

    public List<IngestItem> Peek(int count) => _items.Take(count).ToList();

    public void RemoveFirst(int count)
    {
        for (var i = 0; i < count && _items.First is { } first; i++)
        {
            Shots -= first.Value is ShotItem ? 1 : 0;
            _items.RemoveFirst();
        }
    }

    public void Remove(IngestItem item)
    {
        if (_items.Remove(item) && item is ShotItem)
        {
            Shots--;
        }
    }

    private LinkedListNode<IngestItem>? OldestUnmatched()
    {
        for (var node = _items.First; node is not null; node = node.Next)
        {
            if (node.Value is ShotItem shot && !Classify(shot))
            {
                return node;
            }
        }

        return null;
    }

    private bool Classify(ShotItem shot)
    {
        shot.MaybeMatched ??= maybeMatched(shot);
        return shot.MaybeMatched.Value;
    }
}
