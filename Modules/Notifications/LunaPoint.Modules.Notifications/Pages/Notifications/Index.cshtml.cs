using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Features;
using LunaPoint.Modules.Notifications.Live;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Notifications.Pages.Notifications;

/// <summary>
/// Notifications: the pause state and its controls for everyone (changing it needs an operator: the View
/// policy lets only operators and administrators POST), and the rules for administrators.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class NotificationsIndexModel(ISender sender) : PageModel
{
    public PauseView Pause { get; private set; } = new(false, null, null, null);

    public PagedResult<RuleDto>? Rules { get; private set; }

    public bool CanAdminister => User.IsInRole(Roles.Administrator);

    public bool CanOperate => CanAdminister || User.IsInRole(Roles.Operator);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Pause = await sender.Send(new GetPause(), cancellationToken);
        Rules = CanAdminister ? await sender.Send(new ListRules(null, null, null, 1, PageRequest.MaxPageSize), cancellationToken) : null;
    }

    public Task<IActionResult> OnPostPauseAsync(int? minutes, CancellationToken cancellationToken) =>
        RunAsync(ct => sender.Send(new PauseNotifications(minutes, PauseUser.Name(User)), ct).AsTask(), minutes is { } m ? $"Notifications paused for {m} minutes." : "Notifications paused until resumed.", cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => sender.Send(new ResumeNotifications(PauseUser.Name(User)), ct).AsTask(), "Notifications resumed.", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        // Razor Pages ignore [Authorize] on handlers: the rule handlers check the role themselves.
        if (!CanAdminister)
        {
            return Forbid();
        }

        var rule = await sender.Send(new GetRule(id), cancellationToken);
        return await RunAsync(ct => sender.Send(new DeleteRule(id), ct).AsTask(), $"Rule {rule.Name} deleted.", cancellationToken);
    }

    private async Task<IActionResult> RunAsync(Func<CancellationToken, Task> action, string done, CancellationToken cancellationToken)
    {
        try
        {
            await action(cancellationToken);
            TempData.Flash(done);
            return RedirectToPage();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }
}
