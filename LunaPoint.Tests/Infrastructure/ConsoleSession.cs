using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LunaPoint.Tests.Infrastructure;

/// <summary>A console session over plain HTTP: the sign-in form, cookies and the forms' antiforgery tokens.</summary>
public static partial class ConsoleSession
{
    /// <summary>A client that keeps cookies and shows redirects instead of following them, as the tests need to see them.</summary>
    public static HttpClient Browser(LunaPointFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignInAsync(LunaPointFactory factory, string userName, string password)
    {
        var browser = Browser(factory);
        using var signedIn = await SignInAsync(browser, userName, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>Posts the sign-in form and hands back the answer (a redirect on success, the form again on refusal).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password) =>
        PostFormAsync(browser, "/account/sign-in", "/account/sign-in", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts like a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string action, string formPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = FormToken(await browser.GetStringAsync(formPage));
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the form in <paramref name="html"/>.</summary>
    public static string FormToken(string html) => AntiforgeryToken().Match(html).Groups["token"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
