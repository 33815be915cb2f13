namespace LunaPoint.Tests.Infrastructure.Video;

/// <summary>Polls a condition with a deadline (never a fixed sleep).</summary>
internal static class Wait
{
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, failure);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached within {timeout.TotalSeconds:0.#} s: {failure()}");
            }

            await Task.Delay(20);
        }
    }
}
