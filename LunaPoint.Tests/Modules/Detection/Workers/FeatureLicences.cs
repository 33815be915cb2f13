using System.Net;
using System.Net.Http.Json;
using LunaPoint.Modules.Licensing.Signing;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>Installs a licence with just the features a test wants, signed with the fixture's key.</summary>
internal static class FeatureLicences
{
    public static async Task InstallAsync(HttpClient admin, LicensedWorkerHostFixture fixture, bool liveness = false, bool bodies = false, bool isoChecks = false)
    {
        var document = new LicenseDocument("Feature Tests Ltd", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1), 16, 10_000, liveness, bodies, isoChecks, false);
        using var response = await admin.PutAsJsonAsync("/api/v1/license", LicenseSigner.Sign(document, fixture.PrivateKeyPem));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"licence upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
