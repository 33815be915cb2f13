namespace LunaPoint.Modules.Auth.Contracts;

/// <summary>
/// Authorization policies, named after what they allow. Every module's route groups and pages use these.
/// <see cref="View"/> is also the fallback for anything that names no policy.
/// </summary>
public static class AuthorizationPolicies
{
    /// <summary>
    /// Read with any role (Viewer, Operator, Administrator); change (any method but GET/HEAD/OPTIONS) only
    /// as Operator or Administrator, unless the endpoint allows viewers its changes (own password).
    /// </summary>
    public const string View = "view";

    /// <summary>Security staff work: acknowledge, search, manage lists and faces, start/stop streams.</summary>
    public const string Operate = "operate";

    /// <summary>Users, API keys, licence, notification rules, stream settings.</summary>
    public const string Administer = "administer";
}

/// <summary>The three roles of the product.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Operator = "Operator";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Administrator, Operator, Viewer];
}
