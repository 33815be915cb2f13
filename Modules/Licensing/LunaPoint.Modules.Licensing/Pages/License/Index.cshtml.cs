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
internal sealed class LicenseModel(ISender sender, LicensingOptions options) : PageModel
{
    public LicenseStatus Status { get; private set; } = null!;

    /// <summary>Without a public key no licence can be verified: the page says so before anyone pastes one.</summary>
    public bool CanVerify => !string.IsNullOrWhiteSpace(options.PublicKey);

    /// <summary>What the administrator pasted, shown again after a refusal so it need not be pasted twice.</summary>
    public string? LicenseJson { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await sender.Send(new GetLicenseStatus(), cancellationToken);

    [Authorize(Policy = AuthorizationPolicies.Administer)]
    public async Task<IActionResult> OnPostAsync(string licenseJson, CancellationToken cancellationToken)
    {
        LicenseJson = licenseJson;
        try
        {
            var license = JsonSerializer.Deserialize<SignedLicense>(licenseJson ?? "", SignedLicense.Json);
            var status = await sender.Send(new UploadLicense(license), cancellationToken);
            var until = status.License.ExpiresAt is { } expires ? $"valid until {expires:yyyy-MM-dd}" : "without expiry";
            TempData.Flash($"Licence for {status.License.Licensee} installed, {until}. It is in force now.");
            return RedirectToPage();
        }
        catch (JsonException)
        {
            // The parser's own message (byte positions, literals) means nothing to the person pasting a file.
            ModelState.AddModelError("", "This is not a licence file: paste the whole JSON file made by `license issue` (it holds \"document\" and \"signature\").");
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
