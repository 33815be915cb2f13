using LunaPoint.Modules.Licensing.Contracts;
using Mediator;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LunaPoint.Modules.Streams.Pages.Streams;

/// <summary>
/// Which licensed settings the licence in force lacks, for the stream form to say so next to each checkbox
/// (left enabled: a stream that already asks for one keeps it, and runs without it, through a licence swap).
/// </summary>
internal static class LicensedFeatureHints
{
    private const string Key = "LicensedFeatures";

    public static async Task LoadAsync(ViewDataDictionary viewData, ISender sender, CancellationToken cancellationToken) =>
        viewData[Key] = await sender.Send(new GetLicenseLimits(), cancellationToken);

    /// <summary>" (not in the licence)" when the loaded licence cannot use the feature; empty otherwise or when none was loaded.</summary>
    public static string For(ViewDataDictionary viewData, string setting) =>
        viewData[Key] is LicenseLimits licence && !(setting switch
        {
            "liveness" => licence.LivenessUsable,
            "bodies" => licence.BodiesUsable,
            "isoChecks" => licence.IsoChecksUsable,
            _ => true,
        })
            ? " (not in the licence)"
            : "";
}
