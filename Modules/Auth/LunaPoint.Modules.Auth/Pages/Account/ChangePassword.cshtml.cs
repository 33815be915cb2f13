using FluentValidation;
using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.Modules.Auth.Features;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Auth.Pages.Account;

[Authorize(Policy = AuthorizationPolicies.View)]
[AllowViewerChanges]
internal sealed class ChangePasswordModel(ISender sender, UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    [BindProperty]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    public string RepeatPassword { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Forced => User.HasClaim(AuthSchemes.MustChangePasswordClaim, "true");

    /// <summary>Where "Continue" leads after a change: the page the user was sent here from, if local.</summary>
    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (NewPassword != RepeatPassword)
        {
            ModelState.AddModelError(nameof(RepeatPassword), "The new passwords differ.");
            return Page();
        }

        try
        {
            await sender.Send(new ChangePassword(User.Identity!.Name!, CurrentPassword, NewPassword), cancellationToken);
        }
        catch (ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }

            return Page();
        }
        catch (UnauthorizedException)
        {
            ModelState.AddModelError(nameof(CurrentPassword), "The current password is wrong.");
            return Page();
        }

        // The password change renewed the security stamp: issue a fresh session without the forced-change flag.
        var user = await users.FindByNameAsync(User.Identity!.Name!);
        await signIn.RefreshSignInAsync(user!);
        TempData.Flash("Password changed.");
        return LocalRedirect(ContinueUrl);
    }
}
