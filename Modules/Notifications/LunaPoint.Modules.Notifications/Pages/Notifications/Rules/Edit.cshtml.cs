using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Features;
using LunaPoint.SharedKernel.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Notifications.Pages.Notifications.Rules;

/// <summary>Replaces a rule with the same command as PUT; an empty webhook secret keeps the stored one of that URL.</summary>
[Authorize(Policy = AuthorizationPolicies.Administer)]
internal sealed class EditRuleModel(ISender sender) : PageModel
{
    [BindProperty]
    public RuleForm Form { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await RulePageSupport.LoadChoicesAsync(ViewData, sender, cancellationToken);
        Form = RuleForm.FromDto(await sender.Send(new GetRule(id), cancellationToken));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await RulePageSupport.LoadChoicesAsync(ViewData, sender, cancellationToken);
        var stored = RuleForm.FromDto(await sender.Send(new GetRule(id), cancellationToken));
        Form.Channels.KeepSecretState(stored.Channels);
        Form.Escalation.KeepSecretState(stored.Escalation);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var rule = await sender.Send(new UpdateRule(id, Form.ToRequest()), cancellationToken);
            TempData.Flash($"Rule {rule.Name} saved.");
            return Redirect("/notifications");
        }
        catch (Exception ex) when (RulePageSupport.TryAddRefusal(ModelState, Form, ex))
        {
            return Page();
        }
    }
}
