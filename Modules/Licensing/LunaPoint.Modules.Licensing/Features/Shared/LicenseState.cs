using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Licensing.Data;
using LunaPoint.Modules.Licensing.Signing;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Licensing.Features;

/// <summary>
/// The licence in force, kept in memory so every limit check is a field read; replaced the moment an
/// upload is stored, so a new licence takes effect without a restart.
/// </summary>
internal sealed class LicenseState(TimeProvider clock)
{
    public const int CommunityStreams = 4;
    public const long CommunityFaces = 10_000;

    private volatile LicenseDocument? _document;
    private volatile bool _loaded;

    public LicenseLimits Current => ToLimits(_document, clock.GetUtcNow());

    public bool IsLoaded => _loaded;

    public async Task LoadAsync(LicensingDbContext db, CancellationToken cancellationToken)
    {
        var active = await db.Licenses.AsNoTracking().Where(l => l.IsActive).OrderByDescending(l => l.UploadedAt).FirstOrDefaultAsync(cancellationToken);
        _document = active is null ? null : System.Text.Json.JsonSerializer.Deserialize<LicenseDocument>(Convert.FromBase64String(active.Document), SignedLicense.Json);
        _loaded = true;
    }

    public void Replace(LicenseDocument document) => _document = document;

    private static LicenseLimits ToLimits(LicenseDocument? d, DateTimeOffset now) => d is null
        ? new LicenseLimits("Community", true, null, false, CommunityStreams, CommunityFaces, false, false, false, false)
        : new LicenseLimits(d.Licensee, false, d.Expires, d.Expires <= now, d.MaxStreams, d.MaxFacesWithDescriptors, d.Liveness, d.Bodies, d.IsoChecks, d.LargeLists);
}
