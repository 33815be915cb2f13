using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Host.Pages;

/// <summary>The console's page for bodiless error responses (re-executed by the status-code middleware).</summary>
/// <remarks>
/// A refused POST (antiforgery, a refused character) is re-executed here as a POST, so the page answers
/// every method and skips antiforgery itself; otherwise it would fail the same way and the body stay empty.
/// </remarks>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
internal sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnPost(int code) => OnGet(code);

    public void OnPut(int code) => OnGet(code);

    public void OnDelete(int code) => OnGet(code);

    public void OnGet(int code)
    {
        (Title, Message) = code switch
        {
            404 => ("Page not found", "There is no page at this address."),
            403 => ("Access denied", "Your account may not open this page."),
            401 => ("Sign-in required", "Sign in to continue."),
            400 when HttpContext.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false }
                || HttpContext.Request.Method == HttpMethods.Post && HttpContext.Items[ErrorHandling.RequestTextGuard.RefusedItem] is null =>
                ("The form has expired", "The form was open too long or came from another site. Reload the page and submit it again."),
            400 when HttpContext.Items[ErrorHandling.RequestTextGuard.RefusedItem] is string field =>
                ("Invalid characters", $"The field \"{field}\" holds a NUL character, which is not allowed. Remove it and try again."),
            400 => ("Bad request", "The request could not be read."),
            _ => ($"Error {code}", "The request could not be completed."),
        };
        // Direct visits to /status/404 are answered 200 by default; keep the original code.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
        }
    }
}
