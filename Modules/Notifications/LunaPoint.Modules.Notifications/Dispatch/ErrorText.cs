using System.Text.RegularExpressions;
using LunaPoint.SharedKernel.Security;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>Failure reasons and recipients as the delivery log shows them: short, URLs masked.</summary>
internal static partial class ErrorText
{
    public const int MaxLength = 500;

    public static string Of(Exception ex)
    {
        if (ex is DeliveryFailedException)
        {
            return Clean(ex.Message);
        }

        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }

        return Clean($"{ex.GetType().Name}: {string.Join(" / ", messages)}");
    }

    public static string Clean(string text) => Short(Url().Replace(text, m => MaskUrl(m.Value)), MaxLength);

    /// <summary>
    /// A URL with its credentials masked and its whole query and fragment replaced: receivers put tokens in
    /// parameters of any name (<c>?code=</c>, <c>?hook=</c>), which name-based masking would miss.
    /// </summary>
    public static string MaskUrl(string url)
    {
        var masked = SecretMasking.MaskUrl(url);
        var cut = masked.IndexOfAny(['?', '#']);
        return cut < 0 ? masked : masked[..cut] + "?" + SecretMasking.Mask;
    }

    public static string Short(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    [GeneratedRegex(@"[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s""'<>]+")]
    private static partial Regex Url();
}
