using System.Net;
using System.Text.RegularExpressions;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LunaPoint.Tests.Host;

/// <summary>A client that behaves like the console's browser: cookies, the sign-in form, the page's CSRF token.</summary>
public static partial class ConsoleBrowser
{
    public static HttpClient Browser(this LunaPointFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInBrowserAsync(this LunaPointFactory factory, string userName, string password)
    {
        var browser = factory.Browser();
        var page = await browser.GetStringAsync("/account/sign-in");
        using var signedIn = await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = FormToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    public static Task<HttpClient> SignedInAdminBrowserAsync(this LunaPointFactory factory) =>
        factory.SignedInBrowserAsync("admin", LunaPointFactory.AdminPassword);

    /// <summary>The token a console page hands its scripts (the meta tag of the layout).</summary>
    public static async Task<string> PageTokenAsync(this HttpClient browser)
    {
        var token = MetaToken().Match(await browser.GetStringAsync("/monitoring")).Groups["token"].Value;
        Assert.NotEmpty(token);
        return token;
    }

    public static string FormToken(string html) => HiddenToken().Match(html).Groups["token"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex HiddenToken();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"(?<token>[^\"]+)\"")]
    private static partial Regex MetaToken();
}
