using LunaPoint.SharedKernel.Security;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>Failure reasons that never show a credential, however ffmpeg quoted the URL.</summary>
internal static class FfmpegFailure
{
    public static string Reason(SourceSpec spec, string? ffmpegErrors, string what) =>
        Mask(spec.Source, ffmpegErrors is null ? what : $"{what}: {ffmpegErrors}");

    /// <summary>
    /// URLs in the text are masked as everywhere; then the source's password and secret-looking
    /// parameter values are replaced wherever they still appear (ffmpeg also prints pieces of a URL,
    /// e.g. an RTSP Digest exchange, without the scheme that the URL masking looks for).
    /// </summary>
    public static string Mask(string source, string text)
    {
        var masked = SecretMasking.MaskUrlsIn(text) ?? "";
        foreach (var secret in Secrets(source).Where(s => s.Length >= 3).OrderByDescending(s => s.Length))
        {
            masked = masked.Replace(secret, SecretMasking.Mask, StringComparison.Ordinal);
        }

        return masked;
    }

    private static IEnumerable<string> Secrets(string source)
    {
        var masked = SecretMasking.MaskUrl(source);
        if (masked == source || !Uri.TryCreate(source, UriKind.Absolute, out var uri))
        {
            yield break;
        }

        var colon = uri.UserInfo.IndexOf(':');
        if (colon >= 0)
        {
            var password = uri.UserInfo[(colon + 1)..];
            yield return password;
            yield return Uri.UnescapeDataString(password);
        }
        else if (uri.UserInfo.Length > 0)
        {
            yield return uri.UserInfo;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', ';'))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && SecretMasking.LooksSecret(pair[..eq]))
            {
                yield return pair[(eq + 1)..];
                yield return Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }
    }
}
