using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Licensing.Features;
using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.SharedKernel.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Licensing.Pages.License;

[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class LicenseModel(ISender sender) : PageModel
{
    public LicenseStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await sender.Send(new GetLicenseStatus(), cancellationToken);

    [Authorize(Policy = AuthorizationPolicies.Administer)]
    public async Task<IActionResult> OnPostAsync(string licenseJson, CancellationToken cancellationToken)
    {
        try
        {
            var license = JsonSerializer.Deserialize<SignedLicense>(licenseJson ?? "", SignedLicense.Json);
            await sender.Send(new UploadLicense(license), cancellationToken);
            return RedirectToPage();
        }
        catch (JsonException ex)
        {
            ModelState.AddModelError("", $"The licence is not valid JSON: {ex.Message}");
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
