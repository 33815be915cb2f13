using System.Text;
using System.Text.RegularExpressions;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>
/// Hides credentials in URLs (camera sources, webhooks): the password in user-info (a lone user-info,
/// often a token, entirely) and the values of query or fragment parameters whose names look like
/// secrets. Every read, list, page, audit entry and status text goes through it; only the
/// administrators' export carries the stored value. <see cref="Restore"/> undoes the mask where a
/// client echoes a masked value back, so an edit that leaves the secret alone keeps it.
/// </summary>
internal static partial class SecretMasking
{
    public const string Mask = "***";

    // Substrings, so that x-api-key, X-Amz-Signature, client_secret and access_token are caught too.
    // Masking a harmless parameter (author, passthrough) costs little; showing a secret costs much.
    private static readonly string[] SecretNameParts = ["pass", "pwd", "token", "key", "secret", "sig", "auth", "credential"];

    public static bool LooksSecret(string parameterName)
    {
        var name = Uri.UnescapeDataString(parameterName.Replace('+', ' ')).ToLowerInvariant();
        return SecretNameParts.Any(name.Contains);
    }

    /// <summary>The URL with its credentials replaced by ***; anything that is not a URL comes back as is.</summary>
    public static string MaskUrl(string? value)
    {
        if (value is null || UrlParts.Parse(value) is not { } url)
        {
            return value ?? "";
        }

        return (url with
        {
            UserInfo = url.UserInfo is null ? null : MaskUserInfo(url.UserInfo),
            Query = MapParameters(url.Query, (name, v) => LooksSecret(name) && v.Length > 0 ? Mask : v),
            Fragment = MapParameters(url.Fragment, (name, v) => LooksSecret(name) && v.Length > 0 ? Mask : v),
        }).ToString();
    }

    /// <summary>Masks every URL inside free text (worker errors, log reasons quote the URL they failed on).</summary>
    public static string? MaskUrlsIn(string? text) => text is null ? null : UrlInText().Replace(text, m => MaskUrl(m.Value));

    /// <summary>
    /// The URL a client sent, with each part still masked (***) replaced by the stored secret at the
    /// same place: the password of the same user, the value of the same-named parameter.
    /// </summary>
    public static string? Restore(string? incoming, string? stored)
    {
        if (incoming is null || stored is null || !incoming.Contains(Mask, StringComparison.Ordinal)
            || UrlParts.Parse(incoming) is not { } sent || UrlParts.Parse(stored) is not { } old)
        {
            return incoming;
        }

        var userInfo = sent.UserInfo is not null && old.UserInfo is not null && MaskUserInfo(old.UserInfo) == sent.UserInfo ? old.UserInfo : sent.UserInfo;
        return (sent with
        {
            UserInfo = userInfo,
            Query = RestoreParameters(sent.Query, old.Query),
            Fragment = RestoreParameters(sent.Fragment, old.Fragment),
        }).ToString();
    }

    private static string MaskUserInfo(string userInfo)
    {
        var colon = userInfo.IndexOf(':');
        return colon < 0 ? Mask : $"{userInfo[..colon]}:{Mask}";
    }

    private static string? RestoreParameters(string? sent, string? stored)
    {
        if (sent is null || stored is null)
        {
            return sent;
        }

        var storedValues = Split(stored).ToLookup(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        return MapParameters(sent, (name, value) =>
        {
            var index = used[name] = used.GetValueOrDefault(name) + (value == Mask ? 1 : 0);
            return value == Mask && storedValues[name].ElementAtOrDefault(index - 1) is { } old && old != Mask ? old : value;
        });
    }

    private static string? MapParameters(string? parameters, Func<string, string, string> map)
    {
        if (parameters is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var (name, value, hasValue) in Split(parameters))
        {
            builder.Append(builder.Length > 0 ? "&" : "").Append(name);
            if (hasValue)
            {
                builder.Append('=').Append(map(name, value));
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Name, string Value, bool HasValue)> Split(string parameters) =>
        parameters.Split('&').Select(p => p.IndexOf('=') is var eq && eq >= 0 ? (p[..eq], p[(eq + 1)..], true) : (p, "", false));

    [GeneratedRegex(@"[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s""'<>]+")]
    private static partial Regex UrlInText();

    /// <summary>
    /// A URL cut by hand rather than by <see cref="Uri"/>, which rewrites what it parses and rejects some
    /// camera URLs: scheme://[user-info@]rest[?query][#fragment]. User-info ends at the last '@' before
    /// the query, so a password holding '/' or '@' is still treated as the password.
    /// </summary>
    private sealed record UrlParts(string Scheme, string? UserInfo, string Rest, string? Query, string? Fragment)
    {
        public static UrlParts? Parse(string value)
        {
            var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0 || !value[..schemeEnd].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-'))
            {
                return null;
            }

            var afterScheme = value[(schemeEnd + 3)..];
            var hash = afterScheme.IndexOf('#');
            var fragment = hash >= 0 ? afterScheme[(hash + 1)..] : null;
            var beforeHash = hash >= 0 ? afterScheme[..hash] : afterScheme;
            var question = beforeHash.IndexOf('?');
            var query = question >= 0 ? beforeHash[(question + 1)..] : null;
            var beforeQuery = question >= 0 ? beforeHash[..question] : beforeHash;
            var at = beforeQuery.LastIndexOf('@');
            return new UrlParts(
                value[..schemeEnd], at >= 0 ? beforeQuery[..at] : null, at >= 0 ? beforeQuery[(at + 1)..] : beforeQuery, query, fragment);
        }

        public override string ToString() =>
            $"{Scheme}://{(UserInfo is null ? "" : UserInfo + "@")}{Rest}{(Query is null ? "" : "?" + Query)}{(Fragment is null ? "" : "#" + Fragment)}";
    }
}
