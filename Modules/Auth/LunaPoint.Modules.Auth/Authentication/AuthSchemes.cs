namespace LunaPoint.Modules.Auth.Authentication;

internal static class AuthSchemes
{
    /// <summary>Picks Bearer, API key or the console cookie from what the request carries.</summary>
    public const string Smart = "LunaPoint";

    public const string ApiKey = "ApiKey";

    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Claim: the user's security stamp, so a token dies when the password changes or the user is disabled.</summary>
    public const string StampClaim = "stamp";

    /// <summary>Claim present while the user must change the password before doing anything else.</summary>
    public const string MustChangePasswordClaim = "must_change_password";
}
