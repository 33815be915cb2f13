using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Features;

/// <summary>
/// The one password check of pages and API: lockout counted, disabled users refused, every outcome
/// audited with the user name tried, and the same answer whether or not the user exists.
/// </summary>
internal sealed class PasswordVerifier(UserManager<User> users, SignInManager<User> signIn, ISender sender)
{
    public const string Refused = "Invalid user name or password, or the account is locked or disabled.";

    /// <summary>Returns the user when the password is right and the user may sign in; null otherwise.</summary>
    public async Task<User?> VerifyAsync(string userName, string password, bool setCookie, bool persistent, string channel, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            // Spend the time a real check takes, so timing does not reveal unknown user names.
            users.PasswordHasher.HashPassword(new User(), password);
            await AuditAsync(userName, false, channel, "unknown user", cancellationToken);
            return null;
        }

        var result = setCookie
            ? await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true)
            : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "disabled" : "wrong password";
            await AuditAsync(userName, false, channel, reason, cancellationToken);
            return null;
        }

        await AuditAsync(userName, true, channel, null, cancellationToken);
        return user;
    }

    private ValueTask<Unit> AuditAsync(string userName, bool succeeded, string channel, string? reason, CancellationToken cancellationToken) =>
        sender.Send(
            new RecordAuditEntry(AuthModule.Name, succeeded ? "sign-in.succeeded" : "sign-in.failed", succeeded, $"user {userName}", After: new { channel, reason }, ActorName: userName),
            cancellationToken);
}
