namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>
/// One enrolment writes at a time on this host: the licence check and the insert it allows happen under
/// one turn, so two uploads at the limit cannot both pass the check. Photos are analysed before the turn
/// is taken, so it is held only for the count and the write.
/// </summary>
internal sealed class EnrolmentGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
