using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using Mediator;

namespace LunaPoint.Modules.Licensing.Features;

internal sealed record LicenseUsage(int Streams, long FacesWithDescriptors);

internal sealed record LicenseStatus(LicenseLimits License, LicenseUsage Usage, int? DaysToExpiry, IReadOnlyList<string> Warnings);

internal sealed record GetLicenseStatus : IQuery<LicenseStatus>;

/// <summary>The licence in force with the usage other modules count, and the warnings an operator should see.</summary>
internal sealed class GetLicenseStatusHandler(ISender sender, LicensingOptions options, TimeProvider clock) : IQueryHandler<GetLicenseStatus, LicenseStatus>
{
    public async ValueTask<LicenseStatus> Handle(GetLicenseStatus query, CancellationToken cancellationToken)
    {
        var limits = await sender.Send(new GetLicenseLimits(), cancellationToken);
        var streams = await sender.Send(new GetStreamUsage(), cancellationToken);
        var faces = await sender.Send(new CountFacesWithDescriptors(), cancellationToken);
        var now = clock.GetUtcNow();
        int? days = limits.ExpiresAt is { } expires ? (int)Math.Floor((expires - now).TotalDays) : null;
        var warnings = new List<string>();
        if (limits.IsExpired)
        {
            warnings.Add("The licence has expired: analysis is stopped; data stays readable. Upload a new licence.");
        }
        else if (days <= options.WarnDaysBeforeExpiry)
        {
            warnings.Add($"The licence expires in {days} day(s), on {limits.ExpiresAt:yyyy-MM-dd}.");
        }

        if (limits.MaxFacesWithDescriptors > 0 && limits.MaxFacesWithDescriptors - faces < limits.MaxFacesWithDescriptors * options.WarnFacesRemainingShare)
        {
            warnings.Add($"Only {limits.MaxFacesWithDescriptors - faces} of {limits.MaxFacesWithDescriptors} licensed faces remain.");
        }

        if (streams.Enabled >= limits.MaxStreams)
        {
            warnings.Add($"All {limits.MaxStreams} licensed streams are in use.");
        }

        return new LicenseStatus(limits, new LicenseUsage(streams.Enabled, faces), days, warnings);
    }
}
