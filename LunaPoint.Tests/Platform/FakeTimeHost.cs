using System.Net;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LunaPoint.Tests.Platform;

/// <summary>
/// The real host whose clock is a <see cref="FakeTimeProvider"/> (starting at the real time, so tokens
/// issued before the first advance are valid), plus whatever services a test injects (faults).
/// </summary>
public sealed class FakeTimeHost : IAsyncDisposable
{
    private FakeTimeHost(LunaPointFactory parent, WebApplicationFactory<Program> factory, FakeTimeProvider time)
    {
        Parent = parent;
        Factory = factory;
        Time = time;
    }

    /// <summary>Settings and logs (<see cref="LunaPointFactory.Logs"/>) of the host.</summary>
    public LunaPointFactory Parent { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<FakeTimeHost> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var parent = new LunaPointFactory(await TestDatabase.CreateAsync(provider), settings);
        var factory = parent.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(time);
            services?.Invoke(s);
        }));
        var host = new FakeTimeHost(parent, factory, time);
        using var client = factory.CreateClient();
        await Poll.UntilAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the host never became ready");
        return host;
    }

    /// <summary>
    /// Moves the clock by <paramref name="jump"/>, then on in small steps until <paramref name="done"/>:
    /// a worker registers its next wait only after its run, so one jump alone could slip past it.
    /// </summary>
    public async Task AdvanceUntilAsync(TimeSpan jump, Func<Task<bool>> done, string what)
    {
        Time.Advance(jump);
        await Poll.UntilAsync(async () =>
        {
            if (await done())
            {
                return true;
            }

            Time.Advance(TimeSpan.FromSeconds(1));
            return false;
        }, what);
    }

    public Task AdvanceUntilAsync(TimeSpan jump, Func<bool> done, string what) =>
        AdvanceUntilAsync(jump, () => Task.FromResult(done()), what);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Parent.DisposeAsync();
    }
}

/// <summary>Polls a condition with a real-time deadline (never a fixed sleep).</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out: {what}");
            }

            await Task.Delay(20);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);
}
