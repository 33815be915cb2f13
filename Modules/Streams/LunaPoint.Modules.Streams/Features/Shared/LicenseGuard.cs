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
        // A feature is refused only when a write newly asks for it: a stream that already asked for it (and
        // runs without it since a licence swap) can still be renamed, stopped and started.
        var before = replacing is { } id && await db.Streams.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } stored
            ? StreamMapping.Settings(stored)
            : null;
        foreach (var settings in streams.Select(s => s.Settings).OfType<StreamSettings>())
        {
            var missing = MissingFeatures(settings, before, license);
            if (missing.Count > 0)
            {
                var names = string.Join(", ", missing.Select(m => "settings." + m.Setting));
                var features = string.Join(" and ", missing.Select(m => m.Feature));
                await RefuseAsync(
                    $"license.{missing[0].Setting}",
                    $"{features} {(missing.Count == 1 && !missing[0].Plural ? "is" : "are")} not included in the licence: set {names} to false or upload a licence with {(missing.Count == 1 && !missing[0].Plural ? "it" : "them")}.",
                    cancellationToken);
            }
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

    private static List<(string Setting, string Feature, bool Plural)> MissingFeatures(StreamSettings settings, StreamSettings? before, LicenseLimits license)
    {
        var missing = new List<(string, string, bool)>();
        if (settings.Liveness && !license.LivenessUsable && before?.Liveness != true)
        {
            missing.Add(("liveness", "Liveness", false));
        }

        if (settings.Bodies && !license.BodiesUsable && before?.Bodies != true)
        {
            missing.Add(("bodies", "Body detection", false));
        }

        if (settings.IsoChecks && !license.IsoChecksUsable && before?.IsoChecks != true)
        {
            missing.Add(("isoChecks", "ISO/IEC 19794-5 checks", true));
        }

        return missing;
    }

    private async Task RefuseAsync(string code, string message, CancellationToken cancellationToken)
    {
        await publisher.Publish(new LicenseLimitReached(code, message), cancellationToken);
        throw new ConflictException(code, message);
    }
}
