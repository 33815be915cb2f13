namespace LunaPoint.Modules.Auth;

/// <summary>Settings under <c>LunaPoint:Auth</c> (the bootstrap password is <c>LunaPoint:AdminPassword</c>).</summary>
internal sealed class AuthOptions
{
    public const string Section = "LunaPoint:Auth";

    /// <summary>Base64 HMAC key of at least 32 bytes; when empty one is generated and kept in the data directory.</summary>
    public string? JwtSigningKey { get; set; }

    public string Issuer { get; set; } = "lunapoint";

    public string Audience { get; set; } = "lunapoint-api";

    public int TokenLifetimeMinutes { get; set; } = 15;

    /// <summary>Console sessions expire after this long without a request (sliding).</summary>
    public int CookieLifetimeMinutes { get; set; } = 60;

    /// <summary>How soon a disabled user or changed password ends an existing console session.</summary>
    public int SessionRevalidationSeconds { get; set; } = 30;

    /// <summary>Sign-in and token requests allowed per client IP per minute.</summary>
    public int SignInPermitsPerMinute { get; set; } = 20;

    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Refused tokens and API keys allowed per client address per minute; past it, requests carrying a
    /// credential get 429 before any check, until the minute is over.
    /// </summary>
    public int FailedCredentialsPerMinute { get; set; } = 30;

    /// <summary>Lifetime of an API key created without an expiry; 0 = keys without expiry never expire.</summary>
    public int ApiKeyDefaultLifetimeDays { get; set; } = 365;

    /// <summary>
    /// The furthest expiry an API key may be given, in days from its creation; 0 = no limit (and then keys
    /// may also be made without expiry). A key created without an expiry never gets more than this.
    /// </summary>
    public int ApiKeyMaxLifetimeDays { get; set; } = 730;

    /// <summary>The lifetime a key created without an expiry gets, within the maximum; null = none.</summary>
    internal int? DefaultKeyLifetimeDays =>
        (ApiKeyDefaultLifetimeDays, ApiKeyMaxLifetimeDays) switch
        {
            ( <= 0, <= 0) => null,
            ( <= 0, var max) => max,
            (var days, <= 0) => days,
            (var days, var max) => Math.Min(days, max),
        };
}
