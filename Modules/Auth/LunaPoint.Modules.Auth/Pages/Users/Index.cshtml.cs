using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Features;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Auth.Pages.Users;

/// <summary>Administrators manage people here; every action is the same command the REST API sends.</summary>
[Authorize(Policy = AuthorizationPolicies.Administer)]
internal sealed class UsersModel(ISender sender) : PageModel
{
    public PagedResult<UserDto> Users { get; private set; } = new([], 1, PageRequest.MaxPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await sender.Send(new ListUsers(PageSize: PageRequest.MaxPageSize), cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string userName, string password, string role, string? displayName, CancellationToken cancellationToken) =>
        RunAsync(new CreateUser(userName ?? "", password ?? "", role ?? "", displayName), $"Created {userName}; they must change the password at first sign-in.", cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(Guid id, string role, CancellationToken cancellationToken) =>
        RunAsync(new UpdateUser(id, Role: role), $"Role changed to {role}.", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(Guid id, bool disabled, CancellationToken cancellationToken) =>
        RunAsync(new UpdateUser(id, Disabled: disabled), disabled ? "User disabled." : "User enabled.", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(new UpdateUser(id, Unlock: true), "User unlocked; they can sign in again.", cancellationToken);

    public Task<IActionResult> OnPostResetAsync(Guid id, string password, CancellationToken cancellationToken) =>
        RunAsync(new UpdateUser(id, Password: password ?? ""), "Password reset; the user must change it at next sign-in.", cancellationToken);

    private async Task<IActionResult> RunAsync<T>(ICommand<T> command, string done, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(command, cancellationToken);
            TempData.Flash(done);
            return RedirectToPage();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
