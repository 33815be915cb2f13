using System.Text;
using System.Text.RegularExpressions;

namespace LunaPoint.SharedKernel.Security;

/// <summary>
/// Hides credentials in URLs (camera sources, webhooks): the password in user-info (a lone user-info,
/// often a token, entirely) and the values of query or fragment parameters whose names look like
/// secrets. Every read, list, page, audit entry and status text goes through it; only the
/// administrators' export carries the stored value. <see cref="Restore"/> undoes the mask where a
/// client echoes a masked value back, so an edit that leaves the secret alone keeps it.
/// </summary>
public static partial class SecretMasking
{
    public const string Mask = "***";

    // Substrings, so that x-api-key, X-Amz-Signature, client_secret and access_token are caught too.
    // Masking a harmless parameter (author, passthrough) costs little; showing a secret costs much.
    // "pas", "pw" and "psw" catch the cameras' own spellings (loginpas, pw, psw, pwd, passwd, password).
    private static readonly string[] SecretNameParts = ["pas", "pw", "psw", "token", "key", "secret", "sig", "auth", "credential"];

    // Whole names too short to search for inside others: ?u=admin&p=secret.
    private static readonly string[] SecretNames = ["p", "pw", "pword"];

    public static bool LooksSecret(string parameterName)
    {
        var name = Uri.UnescapeDataString(parameterName.Replace('+', ' ')).Trim().ToLowerInvariant();
        return SecretNames.Contains(name) || SecretNameParts.Any(name.Contains);
    }

    /// <summary>
    /// A URL as written with '\' or without "://" right after the scheme: <see cref="Uri"/> reads
    /// <c>http:\\user:pw@host</c> as a URL with credentials while this masking does not see them, so such
    /// a URL is refused on input.
    /// </summary>
    public static bool IsOddlyWritten(string value) =>
        value.Contains('\\') || value.IndexOf(':') is var colon and > 0 && !value.AsSpan(colon).StartsWith("://");

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
            Rest = MaskPathParameters(url.Rest),
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
            Rest = sent.Rest.Contains(Mask, StringComparison.Ordinal) && MaskPathParameters(old.Rest) == sent.Rest ? old.Rest : sent.Rest,
            Query = RestoreParameters(sent.Query, old.Query),
            Fragment = RestoreParameters(sent.Fragment, old.Fragment),
        }).ToString();
    }

    /// <summary>Path parameters (<c>/video.cgi;user=admin;pwd=secret</c>), which some cameras take instead of a query.</summary>
    private static string MaskPathParameters(string rest) =>
        PathParameter().Replace(rest, m => LooksSecret(m.Groups["name"].Value) && m.Groups["value"].Length > 0
            ? $";{m.Groups["name"].Value}={Mask}"
            : m.Value);

    [GeneratedRegex(@";(?<name>[^;=/?#]+)=(?<value>[^;/?#]*)")]
    private static partial Regex PathParameter();

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
        foreach (var (separator, name, value, hasValue) in Split(parameters))
        {
            builder.Append(separator).Append(name);
            if (hasValue)
            {
                builder.Append('=').Append(map(name, value));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Parameters separated by '&amp;' or ';' (many cameras and old CGI scripts take ';'), each with the
    /// separator before it, so the URL is rebuilt exactly as written.
    /// </summary>
    private static IEnumerable<(string Separator, string Name, string Value, bool HasValue)> Split(string parameters)
    {
        var start = 0;
        var separator = "";
        while (true)
        {
            var end = parameters.IndexOfAny(['&', ';'], start);
            var part = end < 0 ? parameters[start..] : parameters[start..end];
            var eq = part.IndexOf('=');
            yield return eq >= 0 ? (separator, part[..eq], part[(eq + 1)..], true) : (separator, part, "", false);
            if (end < 0)
            {
                yield break;
            }

            separator = parameters[end].ToString();
            start = end + 1;
        }
    }

    [GeneratedRegex(@"[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s""'<>]+")]
    private static partial Regex UrlInText();

    /// <summary>
    /// Whether <see cref="Uri"/> reads the user-info differently from this masking (and from a camera
    /// library that takes the last '@'): a password holding '#', '?', '/' or '@' unencoded. Such a URL is
    /// ambiguous (which host is meant?) and is refused on input; the password must be percent-encoded.
    /// </summary>
    public static bool HasAmbiguousUserInfo(string value) =>
        UrlParts.Parse(value) is { } parts
        && (parts.UserInfo?.IndexOfAny(['@', '/', '?', '#']) >= 0
            || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.Equals(Uri.UnescapeDataString(parts.UserInfo ?? ""), Uri.UnescapeDataString(uri.UserInfo), StringComparison.Ordinal)));

    /// <summary>
    /// A URL cut by hand rather than by <see cref="Uri"/>, which rewrites what it parses and rejects some
    /// camera URLs: scheme://[user-info@]rest[?query][#fragment]. User-info ends at the last '@' before
    /// the query, so a password holding '/' or '@' is still treated as the password. When no '@' comes
    /// before the first '?' or '#' but one follows it before any '/', the '?' or '#' sits inside a
    /// password (<c>admin:12#34@host</c>): the user-info then runs to the last '@' of that authority.
    /// Over-masking a strange fragment costs little; showing a password costs much.
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
            if (PasswordWithDelimiter(afterScheme) is { } at)
            {
                var (rest, query, fragment) = SplitRest(afterScheme[(at + 1)..]);
                return new UrlParts(value[..schemeEnd], afterScheme[..at], rest, query, fragment);
            }

            var (beforeQuery, q, f) = SplitRest(afterScheme);
            var last = beforeQuery.LastIndexOf('@');
            return new UrlParts(
                value[..schemeEnd], last >= 0 ? beforeQuery[..last] : null, last >= 0 ? beforeQuery[(last + 1)..] : beforeQuery, q, f);
        }

        /// <returns>The index of the '@' ending a user-info that holds '?' or '#', or null.</returns>
        private static int? PasswordWithDelimiter(string afterScheme)
        {
            var delimiter = afterScheme.IndexOfAny(['/', '?', '#']);
            if (delimiter < 0 || afterScheme[delimiter] == '/' || afterScheme.IndexOf('@') < delimiter
                || afterScheme.IndexOf('@', delimiter) is var firstAt && firstAt < 0)
            {
                return null;
            }

            var slash = afterScheme.IndexOf('/', delimiter);
            if (slash >= 0 && slash < firstAt)
            {
                return null;
            }

            var end = afterScheme.IndexOfAny(['/', '?', '#'], firstAt);
            return (end < 0 ? afterScheme : afterScheme[..end]).LastIndexOf('@');
        }

        private static (string Before, string? Query, string? Fragment) SplitRest(string text)
        {
            var hash = text.IndexOf('#');
            var fragment = hash >= 0 ? text[(hash + 1)..] : null;
            var beforeHash = hash >= 0 ? text[..hash] : text;
            var question = beforeHash.IndexOf('?');
            return (question >= 0 ? beforeHash[..question] : beforeHash, question >= 0 ? beforeHash[(question + 1)..] : null, fragment);
        }

        public override string ToString() =>
            $"{Scheme}://{(UserInfo is null ? "" : UserInfo + "@")}{Rest}{(Query is null ? "" : "?" + Query)}{(Fragment is null ? "" : "#" + Fragment)}";
    }
}
