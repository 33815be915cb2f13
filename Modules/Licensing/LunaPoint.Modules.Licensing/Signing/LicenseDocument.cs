using System.Text.Json;
using System.Text.Json.Serialization;

namespace LunaPoint.Modules.Licensing.Signing;

/// <summary>What a vendor signs: who may run LunaPoint, until when, with what.</summary>
internal sealed record LicenseDocument(
    string Licensee,
    DateTimeOffset Issued,
    DateTimeOffset Expires,
    int MaxStreams,
    long MaxFacesWithDescriptors,
    bool Liveness,
    bool Bodies,
    bool IsoChecks,
    bool LargeLists);

/// <summary>
/// The licence file: the document's exact JSON bytes (base64) and an ECDSA P-256 / SHA-256 signature over
/// those bytes (IEEE P1363, base64). Signing bytes, not re-serialised JSON, leaves nothing to canonicalise.
/// </summary>
internal sealed record SignedLicense(
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("signature")] string Signature)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
