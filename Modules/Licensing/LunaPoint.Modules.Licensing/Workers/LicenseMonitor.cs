using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.SharedKernel.Hosting;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Licensing.Workers;

/// <summary>
/// Watches the licence in force every minute: announces "expiring" once a UTC day inside the warning
/// window, and "expired" once per licence. The facts are edges for subscribers (Notifications); the
/// effect of expiry does not depend on them, because Streams also checks the licence itself.
/// </summary>
internal sealed partial class LicenseMonitor(BackgroundWork work, LicensingOptions options, ILogger<LicenseMonitor> logger)
    : PeriodicBackgroundService(work)
{
    private DateOnly? _warnedOn;
    private DateTimeOffset? _expiredAnnounced;

    /// <summary>When the last check completed (the clock's time); null before the first.</summary>
    public DateTimeOffset? LastCheckedAt { get; private set; }

    protected override string Name => "Licence monitor";

    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var limits = await services.GetRequiredService<ISender>().Send(new GetLicenseLimits(), cancellationToken);
        var now = Work.Clock.GetUtcNow();
        var publisher = services.GetRequiredService<IPublisher>();
        if (limits.ExpiresAt is { } expires)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (limits.IsExpired && _expiredAnnounced != expires)
            {
                LogExpired(limits.Licensee, expires);
                await publisher.Publish(new LicenseExpired(limits.Licensee, expires), cancellationToken);
                _expiredAnnounced = expires;
            }
            else if (!limits.IsExpired && (expires - now).TotalDays <= options.WarnDaysBeforeExpiry && _warnedOn != today)
            {
                var days = (int)(expires - now).TotalDays;
                LogExpiring(limits.Licensee, days, expires);
                await publisher.Publish(new LicenseExpiring(limits.Licensee, expires, days), cancellationToken);
                _warnedOn = today;
            }
        }

        LastCheckedAt = now;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The licence of {Licensee} expires in {Days} day(s), on {ExpiresAt:yyyy-MM-dd}; upload a new one before then")]
    private partial void LogExpiring(string licensee, int days, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The licence of {Licensee} expired on {ExpiredAt:yyyy-MM-dd HH:mm} UTC: analysis is paused until a new licence is uploaded")]
    private partial void LogExpired(string licensee, DateTimeOffset expiredAt);
}
