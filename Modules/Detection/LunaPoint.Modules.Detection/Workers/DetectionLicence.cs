using LunaPoint.Modules.Licensing.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// The licence as the stream workers see it: Licensing's <see cref="GetLicenseLimits"/>, cached for
/// <see cref="MaxAge"/> so a best shot does not cost a query, and dropped at once on
/// <see cref="LicenseChanged"/> so a swap reaches running streams on their next best shot or detector run.
/// The short age is the fallback for a lost fact (level-triggered, like the workers' reconciliation).
/// </summary>
internal sealed class DetectionLicence(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (LicenseLimits Limits, long At, long Version)? _cached;
    private long _version;

    public async ValueTask<LicenseLimits> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } limits)
        {
            return limits;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            var version = Interlocked.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var fetched = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetLicenseLimits(), cancellationToken);
            _cached = (fetched, clock.GetTimestamp(), version);
            return fetched;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The licence changed: the next question asks Licensing again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    private LicenseLimits? Fresh() =>
        _cached is { } c && c.Version == Interlocked.Read(ref _version) && clock.GetElapsedTime(c.At) < MaxAge ? c.Limits : null;
}
