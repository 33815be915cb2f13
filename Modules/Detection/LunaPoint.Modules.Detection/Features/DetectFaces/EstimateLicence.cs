using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.SharedKernel.Errors;
using Mediator;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>Refuses a licensed estimate the licence in force does not include (or includes but has expired) (409, <c>license.liveness</c> / <c>license.isoChecks</c>; both missing: one 409 naming both, coded <c>license.liveness</c>), as Streams refuses the stream settings.</summary>
internal sealed class EstimateLicence(ISender sender, IPublisher publisher)
{
    public async Task CheckAsync(FaceEstimateKinds kinds, CancellationToken cancellationToken)
    {
        if ((kinds & (FaceEstimateKinds.Liveness | FaceEstimateKinds.Iso)) == 0)
        {
            return;
        }

        var license = await sender.Send(new GetLicenseLimits(), cancellationToken);
        var missing = new List<(string Code, string Estimate, string Feature)>(2);
        if (kinds.HasFlag(FaceEstimateKinds.Liveness) && !license.LivenessUsable)
        {
            missing.Add(("license.liveness", "liveness", "liveness"));
        }

        if (kinds.HasFlag(FaceEstimateKinds.Iso) && !license.IsoChecksUsable)
        {
            missing.Add(("license.isoChecks", "iso", "ISO/IEC 19794-5 checks"));
        }

        if (missing.Count > 0)
        {
            // One refusal names every missing feature, so the client fixes its request once; the code is the first's.
            var features = string.Join(" and ", missing.Select(m => m.Feature));
            var estimates = string.Join(" and ", missing.Select(m => m.Estimate));
            var message = $"The licence does not include {features}: leave {estimates} out of estimate or upload a licence with {(missing.Count == 1 ? "it" : "them")}.";
            await RefuseAsync(missing[0].Code, message, cancellationToken);
        }
    }

    private async Task RefuseAsync(string code, string message, CancellationToken cancellationToken)
    {
        await publisher.Publish(new LicenseLimitReached(code, message), cancellationToken);
        throw new ConflictException(code, message);
    }
}
