namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>
/// Wakes the dispatcher as soon as new outbox rows are committed, so an alert leaves within milliseconds
/// rather than at the next poll; the poll still finds retries and rows other hosts wrote.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>True when woken, false when the timeout passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
