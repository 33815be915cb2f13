namespace LunaPoint.Modules.Events.Matching;

/// <summary>A candidate of the scan: the upper bound of its cosine and where it is stored.</summary>
internal readonly record struct Candidate(float Estimate, IndexBlock Block, int Offset);

/// <summary>
/// Keeps the <c>capacity</c> highest bounds (a min-heap) and remembers the highest bound it let go,
/// which is what the exactness check compares against.
/// </summary>
internal sealed class CandidateCollector(int capacity)
{
    private readonly List<Candidate> _heap = [];
    private float _droppedMax = float.NegativeInfinity;

    /// <summary>An estimate must beat this to get in (the heap's minimum once full).</summary>
    public float Entry { get; private set; } = float.NegativeInfinity;

    public IReadOnlyList<Candidate> Candidates => _heap;

    /// <summary>The highest estimate of any candidate dropped (negative infinity when none was).</summary>
    public float DroppedMax => _droppedMax;

    public void Offer(in Candidate candidate)
    {
        if (_heap.Count < capacity)
        {
            _heap.Add(candidate);
            SiftUp(_heap.Count - 1);
            if (_heap.Count == capacity)
            {
                Entry = _heap[0].Estimate;
            }

            return;
        }

        if (candidate.Estimate <= Entry)
        {
            _droppedMax = MathF.Max(_droppedMax, candidate.Estimate);
            return;
        }

        _droppedMax = MathF.Max(_droppedMax, _heap[0].Estimate);
        _heap[0] = candidate;
        SiftDown(0);
        Entry = _heap[0].Estimate;
    }

    public void NoteDropped(float estimate) => _droppedMax = MathF.Max(_droppedMax, estimate);

    /// <summary>Takes another worker's candidates and what it dropped.</summary>
    public void Merge(CandidateCollector other)
    {
        _droppedMax = MathF.Max(_droppedMax, other._droppedMax);
        foreach (var candidate in other._heap)
        {
            Offer(candidate);
        }
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_heap[parent].Estimate <= _heap[i].Estimate)
            {
                return;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var smallest = i;
            var left = (2 * i) + 1;
            if (left < _heap.Count && _heap[left].Estimate < _heap[smallest].Estimate)
            {
                smallest = left;
            }

            if (left + 1 < _heap.Count && _heap[left + 1].Estimate < _heap[smallest].Estimate)
            {
                smallest = left + 1;
            }

            if (smallest == i)
            {
                return;
            }

            (_heap[smallest], _heap[i]) = (_heap[i], _heap[smallest]);
            i = smallest;
        }
    }
}
