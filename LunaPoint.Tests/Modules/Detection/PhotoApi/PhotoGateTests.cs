using LunaPoint.Modules.Detection.Features;
using LunaPoint.SharedKernel.Errors;
using Microsoft.Extensions.Options;

namespace LunaPoint.Tests.Modules.Detection.PhotoApi;

/// <summary>The host-wide photo turn: at most MaxConcurrent at once, MaxQueued waiting, the rest refused at once.</summary>
public sealed class PhotoGateTests
{
    [Fact]
    public async Task BeyondTheSlotsAndTheQueue_IsRefusedAtOnce_AndAWaiterGetsTheFreedSlot()
    {
        using var gate = new PhotoGate(Options.Create(new PhotoOptions { MaxConcurrent = 1, MaxQueued = 1, QueueSeconds = 60 }));
        var first = await gate.EnterAsync(CancellationToken.None);

        var waiter = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(waiter.IsCompleted);
        var refusal = await Assert.ThrowsAsync<ServiceUnavailableException>(async () => await gate.EnterAsync(CancellationToken.None));
        Assert.Contains("MaxConcurrent", refusal.Message);

        first.Dispose();
        first.Dispose(); // a turn is given back once, however often it is disposed
        using var second = await waiter;
        // The one slot is held again: the queue is free, but a caller that gives up stops waiting.
        using var cancel = new CancellationTokenSource();
        var third = gate.EnterAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Fact]
    public async Task NoQueueTime_IsRefusedWithoutWaiting_AndAFreedSlotIsTakenAgain()
    {
        using var gate = new PhotoGate(Options.Create(new PhotoOptions { MaxConcurrent = 2, QueueSeconds = 0 }));
        var turns = new[] { await gate.EnterAsync(CancellationToken.None), await gate.EnterAsync(CancellationToken.None) };

        await Assert.ThrowsAsync<ServiceUnavailableException>(async () => await gate.EnterAsync(CancellationToken.None));

        turns[0].Dispose();
        using var again = await gate.EnterAsync(CancellationToken.None);
        turns[1].Dispose();
    }
}
