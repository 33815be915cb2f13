using System.Security.Cryptography;
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

    // A hash of a random password made by the configured hasher, so checking against it costs what a real check costs.
    private static string? _decoyHash;

    /// <summary>Returns the user when the password is right and the user may sign in; null otherwise.</summary>
    public async Task<User?> VerifyAsync(string userName, string password, bool setCookie, bool persistent, string channel, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        var shortcut = user is null ? "unknown user" : user.IsDisabled ? "disabled" : await users.IsLockedOutAsync(user) ? "locked out" : null;
        if (shortcut is not null)
        {
            // Identity answers these without hashing; hash anyway so every refusal takes as long as a wrong
            // password and timing cannot tell an unknown, locked or disabled name from an existing one.
            BurnOneHash(user, password);
            await AuditAsync(userName, false, channel, shortcut, cancellationToken);
            return null;
        }

        var result = setCookie
            ? await signIn.PasswordSignInAsync(user!, password, persistent, lockoutOnFailure: true)
            : await signIn.CheckPasswordSignInAsync(user!, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "disabled" : "wrong password";
            await AuditAsync(userName, false, channel, reason, cancellationToken);
            return null;
        }

        await AuditAsync(userName, true, channel, null, cancellationToken);
        return user;
    }

    private void BurnOneHash(User? user, string password)
    {
        var decoy = _decoyHash ??= users.PasswordHasher.HashPassword(new User(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        users.PasswordHasher.VerifyHashedPassword(user ?? new User(), decoy, password);
    }

    private ValueTask<Unit> AuditAsync(string userName, bool succeeded, string channel, string? reason, CancellationToken cancellationToken) =>
        sender.Send(
            new RecordAuditEntry(AuthModule.Name, succeeded ? "sign-in.succeeded" : "sign-in.failed", succeeded, $"user {userName}", After: new { channel, reason }, ActorName: userName),
            cancellationToken);
}
