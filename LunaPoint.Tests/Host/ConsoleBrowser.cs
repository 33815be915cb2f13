using System.Text.RegularExpressions;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Host;

/// <summary>A client that behaves like the console's browser: cookies, the sign-in form, the page's CSRF token.</summary>
public static partial class ConsoleBrowser
{
    public static HttpClient Browser(this LunaPointFactory factory) => ConsoleSession.Browser(factory);

    public static Task<HttpClient> SignedInBrowserAsync(this LunaPointFactory factory, string userName, string password) =>
        ConsoleSession.SignInAsync(factory, userName, password);

    public static Task<HttpClient> SignedInAdminBrowserAsync(this LunaPointFactory factory) =>
        factory.SignedInBrowserAsync("admin", LunaPointFactory.AdminPassword);

    /// <summary>The token a console page hands its scripts (the meta tag of the layout).</summary>
    public static async Task<string> PageTokenAsync(this HttpClient browser)
    {
        var token = MetaToken().Match(await browser.GetStringAsync("/monitoring")).Groups["token"].Value;
        Assert.NotEmpty(token);
        return token;
    }

    public static string FormToken(string html) => ConsoleSession.FormToken(html);

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"(?<token>[^\"]+)\"")]
    private static partial Regex MetaToken();
}
