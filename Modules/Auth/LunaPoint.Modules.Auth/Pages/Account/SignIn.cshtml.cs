using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.Modules.Auth.Features;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace LunaPoint.Modules.Auth.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AuthenticationSetup.SignInRateLimit)]
internal sealed class SignInModel(PasswordVerifier verifier) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password) || UserName.Length > UserRules.MaxUserNameLength || Password.Length > UserRules.MaxPasswordLength)
        {
            ModelState.AddModelError("", "Enter your user name and password.");
            return Page();
        }

        var user = await verifier.VerifyAsync(UserName.Trim(), Password, setCookie: true, RememberMe, "console", cancellationToken);
        if (user is null)
        {
            ModelState.AddModelError("", PasswordVerifier.Refused);
            return Page();
        }

        var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        return user.MustChangePassword ? LocalRedirect("/account/change-password?ReturnUrl=" + Uri.EscapeDataString(target)) : LocalRedirect(target);
    }
}
