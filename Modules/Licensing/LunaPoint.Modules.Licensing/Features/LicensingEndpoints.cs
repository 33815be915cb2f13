using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Licensing.Features;

internal static class LicensingEndpoints
{
    public static void MapLicensingEndpoints(this IEndpointRouteBuilder api)
    {
        var license = api.MapGroup("/license").WithTags("Licence");
        GetLicenseStatusEndpoint.Map(license);
        UploadLicenseEndpoint.Map(license);
    }
}
