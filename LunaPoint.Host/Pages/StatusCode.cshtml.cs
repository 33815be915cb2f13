using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Host.Pages;

/// <summary>The console's page for bodiless error responses (re-executed by the status-code middleware).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
internal sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int code)
    {
        (Title, Message) = code switch
        {
            404 => ("Page not found", "There is no page at this address."),
            403 => ("Access denied", "Your account may not open this page."),
            401 => ("Sign-in required", "Sign in to continue."),
            _ => ($"Error {code}", "The request could not be completed."),
        };
        // Direct visits to /status/404 are answered 200 by default; keep the original code.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
        }
    }
}
