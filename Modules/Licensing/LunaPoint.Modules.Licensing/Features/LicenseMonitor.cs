using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Licensing.Data;
using LunaPoint.SharedKernel.Data;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Licensing.Features;

/// <summary>
/// Watches the licence in force: announces "expiring" once a day inside the warning window, and
/// "expired" once, which stops analysis (Streams pauses its streams on that fact).
/// </summary>
internal sealed class LicenseMonitor(IServiceScopeFactory scopes, ModuleDatabaseState<LicensingDbContext> database, LicensingOptions options, TimeProvider clock)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.WhenMigrated(stoppingToken);
        DateOnly? warnedOn = null;
        DateTimeOffset? expiredAnnounced = null;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();
            var limits = await sender.Send(new GetLicenseLimits(), stoppingToken);
            var now = clock.GetUtcNow();
            if (limits.ExpiresAt is not { } expires)
            {
                continue;
            }

            if (limits.IsExpired && expiredAnnounced != expires)
            {
                expiredAnnounced = expires;
                await publisher.Publish(new LicenseExpired(limits.Licensee, expires), stoppingToken);
            }
            else if (!limits.IsExpired && (expires - now).TotalDays <= options.WarnDaysBeforeExpiry && warnedOn != DateOnly.FromDateTime(now.UtcDateTime))
            {
                warnedOn = DateOnly.FromDateTime(now.UtcDateTime);
                await publisher.Publish(new LicenseExpiring(limits.Licensee, expires, (int)(expires - now).TotalDays), stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
