using System.Security.Claims;
using System.Text.RegularExpressions;
using LunaPoint.Modules.Auth.Contracts;

namespace LunaPoint.Host.Health;

/// <summary>
/// Who may read what about the installation. Anonymous probes learn whether it is ready, nothing more
/// (no versions, schema names or paths to aim an attack with); signed-in users see each check; file
/// paths (in failure hints) and the build's commit are for administrators.
/// </summary>
internal static partial class HealthDetails
{
    public static bool MayReadChecks(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static bool MayReadPaths(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    /// <summary>A check's description, with absolute paths cut out for anyone but an administrator.</summary>
    public static string? Describe(string? description, ClaimsPrincipal user) =>
        description is null || MayReadPaths(user) ? description : AbsolutePath().Replace(description, "…");

    /// <summary>"1.2.0+3f2c…" without the commit for anyone but an administrator.</summary>
    public static string Version(string informationalVersion, ClaimsPrincipal user) =>
        MayReadPaths(user) ? informationalVersion : informationalVersion.Split('+')[0];

    // Unix paths (/var/lib/…) and Windows ones (C:\…, \\server\…), up to the next blank or quote.
    [GeneratedRegex("""(?<![\w.])(/|[A-Za-z]:\\|\\\\)[^\s'"]+""")]
    private static partial Regex AbsolutePath();
}
