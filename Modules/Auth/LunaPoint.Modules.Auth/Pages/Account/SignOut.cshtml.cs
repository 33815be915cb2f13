using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Auth.Pages.Account;

[Authorize(Policy = AuthorizationPolicies.View)]
[AllowViewerChanges]
internal sealed class SignOutModel(ISender sender) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "sign-out", Target: $"user {User.Identity?.Name}"), cancellationToken);
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return LocalRedirect("/account/sign-in");
    }
}
