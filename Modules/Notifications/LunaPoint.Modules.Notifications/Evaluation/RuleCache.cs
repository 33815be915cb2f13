using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>The enabled rules and the pause state, as facts are evaluated against them.</summary>
internal sealed record RuleSnapshot(IReadOnlyList<NotificationRule> Rules, PauseState? Pause)
{
    public bool IsPaused(DateTimeOffset now) => Pause is { } p && (p.Until is null || p.Until > now);
}

/// <summary>
/// Facts arrive many times a second; rules change rarely. The snapshot is read from the database at most
/// every <see cref="MaxAge"/> (so another host's change applies within it) and at once after a change
/// made here (<see cref="Invalidate"/>, called by the rule and pause endpoints).
/// </summary>
internal sealed class RuleCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private RuleSnapshot? _snapshot;
    private long _loadedAt;
    private int _version;

    public void Invalidate() => Interlocked.Increment(ref _version);

    public async ValueTask<RuleSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var version = Volatile.Read(ref _version);
        if (_snapshot is { } fresh && _loadedVersion == version && clock.GetElapsedTime(_loadedAt) < MaxAge)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            version = Volatile.Read(ref _version);
            if (_snapshot is { } again && _loadedVersion == version && clock.GetElapsedTime(_loadedAt) < MaxAge)
            {
                return again;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var rules = await db.Rules.AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
            var pause = await db.Pause.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PauseState.SingletonId, cancellationToken);
            _snapshot = new RuleSnapshot(rules, pause);
            _loadedAt = clock.GetTimestamp();
            _loadedVersion = version;
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private int _loadedVersion = -1;
}
