using System.Collections.Concurrent;

namespace LunaPoint.Modules.Auth.Authentication.Refusals;

/// <summary>
/// Counts refused tokens and API keys per client address in fixed one-minute windows. Past
/// <see cref="AuthOptions.FailedCredentialsPerMinute"/> the address is blocked for the rest of the window,
/// so guessing keys costs the server neither a hash nor a database lookup.
/// </summary>
internal sealed class CredentialFailureLimiter(AuthOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, FailureWindow> _windows = new();

    public void RecordFailure(string address)
    {
        var now = clock.GetUtcNow();
        _windows.AddOrUpdate(
            address,
            _ => new FailureWindow(now, 1),
            (_, current) => now - current.Start >= Window ? new FailureWindow(now, 1) : current with { Failures = current.Failures + 1 });
        if (_windows.Count > 10_000)
        {
            Prune(now);
        }
    }

    /// <summary>True while the address has used up its failures; <paramref name="retryAfter"/> says until when.</summary>
    public bool IsBlocked(string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (options.FailedCredentialsPerMinute <= 0 || !_windows.TryGetValue(address, out var window))
        {
            return false;
        }

        var left = window.Start + Window - clock.GetUtcNow();
        if (left <= TimeSpan.Zero || window.Failures < options.FailedCredentialsPerMinute)
        {
            return false;
        }

        retryAfter = left;
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, window) in _windows)
        {
            if (now - window.Start >= Window)
            {
                _windows.TryRemove(new KeyValuePair<string, FailureWindow>(address, window));
            }
        }
    }

    private sealed record FailureWindow(DateTimeOffset Start, int Failures);
}
