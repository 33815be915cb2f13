using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Features;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Pages.Notifications;

/// <summary>
/// SMTP settings (the same commands as PUT /api/v1/notifications/smtp and its test), and what this host
/// knows of Telegram. The password is write-only: the form never holds it, and an empty field keeps it.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Administer)]
internal sealed class SettingsModel(ISender sender, IOptionsMonitor<NotificationsOptions> options) : PageModel
{
    [BindProperty] public string? Host { get; set; }
    [BindProperty] public int? Port { get; set; }
    [BindProperty] public string? Security { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? From { get; set; }

    public SmtpSettingsView Current { get; private set; } = null!;

    public string? TestTo { get; private set; }

    public bool TelegramTokenConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.Telegram.BotToken);

    /// <summary>Shown masked: a self-hosted Bot API address may carry credentials.</summary>
    public string TelegramApiBaseUrl => options.CurrentValue.Telegram.ApiBaseUrl is { Length: > 0 } url ? SecretMasking.MaskUrl(url) : "https://api.telegram.org (Telegram's own)";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        (Host, Port, Security, UserName, From) = (Current.Host, Current.Port, Current.Security, Current.UserName, Current.From);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (ModelState.IsValid)
            {
                await sender.Send(new UpdateSmtpSettings(Host, Port, Security, UserName, Password, From), cancellationToken);
                TempData.Flash("SMTP settings saved. Alert e-mails use them from now on.");
                return RedirectToPage();
            }
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        Password = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(string? testTo, CancellationToken cancellationToken)
    {
        TestTo = testTo;
        try
        {
            var result = await sender.Send(new SendTestEmail(testTo), cancellationToken);
            if (result.Sent)
            {
                TempData.Flash($"Test e-mail to {result.To} accepted by {result.Server}.");
                return RedirectToPage();
            }

            ModelState.AddModelError("", $"The test e-mail was not sent: {result.Reason}");
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Current = await sender.Send(new GetSmtpSettings(), cancellationToken);
}
