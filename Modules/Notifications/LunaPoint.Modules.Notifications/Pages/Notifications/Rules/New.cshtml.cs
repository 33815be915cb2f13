using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Features;
using LunaPoint.SharedKernel.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Notifications.Pages.Notifications.Rules;

/// <summary>Creates a rule with the same command as POST /api/v1/notification-rules.</summary>
[Authorize(Policy = AuthorizationPolicies.Administer)]
internal sealed class NewRuleModel(ISender sender) : PageModel
{
    [BindProperty]
    public RuleForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await RulePageSupport.LoadChoicesAsync(ViewData, sender, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await RulePageSupport.LoadChoicesAsync(ViewData, sender, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var rule = await sender.Send(new CreateRule(Form.ToRequest()), cancellationToken);
            TempData.Flash($"Rule {rule.Name} created.");
            return Redirect("/notifications");
        }
        catch (Exception ex) when (RulePageSupport.TryAddRefusal(ModelState, Form, ex))
        {
            return Page();
        }
    }
}
