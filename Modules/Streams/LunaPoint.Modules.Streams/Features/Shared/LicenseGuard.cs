using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>Asks Licensing (through its Contracts) whether a stream may be enabled with these settings.</summary>
internal sealed class LicenseGuard(ISender sender, IPublisher publisher, StreamsDbContext db)
{
    public async Task CheckAsync(IReadOnlyList<StreamRequest> streams, Guid? replacing, CancellationToken cancellationToken)
    {
        var license = await sender.Send(new GetLicenseLimits(), cancellationToken);
        foreach (var settings in streams.Select(s => s.Settings).OfType<StreamSettings>())
        {
            await RequireFeatureAsync(settings.Liveness, license.Liveness, "liveness", "Liveness", cancellationToken);
            await RequireFeatureAsync(settings.Bodies, license.Bodies, "bodies", "Body detection", cancellationToken);
            await RequireFeatureAsync(settings.IsoChecks, license.IsoChecks, "isoChecks", "ISO/IEC 19794-5 checks", cancellationToken);
        }

        var enabling = streams.Count(s => s.Enabled);
        if (enabling == 0)
        {
            return;
        }

        if (license.IsExpired)
        {
            await RefuseAsync("license.expired", $"The licence of {license.Licensee} expired on {license.ExpiresAt:yyyy-MM-dd}: streams cannot be enabled.", cancellationToken);
        }

        var enabledOthers = await db.Streams.CountAsync(s => s.Enabled && s.Id != replacing, cancellationToken);
        if (enabledOthers + enabling > license.MaxStreams)
        {
            await RefuseAsync(
                "license.maxStreams",
                $"The licence allows {license.MaxStreams} enabled streams (maxStreams); {enabledOthers} are enabled and this would make {enabledOthers + enabling}.",
                cancellationToken);
        }
    }

    private Task RequireFeatureAsync(bool wanted, bool licensed, string setting, string feature, CancellationToken cancellationToken) =>
        wanted && !licensed
            ? RefuseAsync($"license.{setting}", $"{feature} is not included in the licence: set settings.{setting} to false or upload a licence with it.", cancellationToken)
            : Task.CompletedTask;

    private async Task RefuseAsync(string code, string message, CancellationToken cancellationToken)
    {
        await publisher.Publish(new LicenseLimitReached(code, message), cancellationToken);
        throw new ConflictException(code, message);
    }
}
