using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.SharedKernel.Errors;
using Mediator;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>Refuses a licensed estimate the licence in force does not include (409, <c>license.liveness</c> / <c>license.isoChecks</c>), as Streams refuses the stream settings.</summary>
internal sealed class EstimateLicence(ISender sender, IPublisher publisher)
{
    public async Task CheckAsync(FaceEstimateKinds kinds, CancellationToken cancellationToken)
    {
        if ((kinds & (FaceEstimateKinds.Liveness | FaceEstimateKinds.Iso)) == 0)
        {
            return;
        }

        var license = await sender.Send(new GetLicenseLimits(), cancellationToken);
        if (kinds.HasFlag(FaceEstimateKinds.Liveness) && !license.Liveness)
        {
            await RefuseAsync("license.liveness", "Liveness is not included in the licence: leave liveness out of estimate or upload a licence with it.", cancellationToken);
        }

        if (kinds.HasFlag(FaceEstimateKinds.Iso) && !license.IsoChecks)
        {
            await RefuseAsync("license.isoChecks", "ISO/IEC 19794-5 checks are not included in the licence: leave iso out of estimate or upload a licence with them.", cancellationToken);
        }
    }

    private async Task RefuseAsync(string code, string message, CancellationToken cancellationToken)
    {
        await publisher.Publish(new LicenseLimitReached(code, message), cancellationToken);
        throw new ConflictException(code, message);
    }
}
