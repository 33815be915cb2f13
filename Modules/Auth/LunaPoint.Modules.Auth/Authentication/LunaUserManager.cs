using LunaPoint.Modules.Auth.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>
/// Identity's user manager; every change it saves (role, disable, password, stamp, lockout) goes through
/// <see cref="UpdateUserAsync"/>, which also drops the user's cached state so tokens and keys see it at once.
/// </summary>
internal sealed class LunaUserManager(
    IUserStore<User> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<User> passwordHasher,
    IEnumerable<IUserValidator<User>> userValidators,
    IEnumerable<IPasswordValidator<User>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<User>> logger,
    UserStateCache states)
    : UserManager<User>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(User user)
    {
        var result = await base.UpdateUserAsync(user);
        states.Invalidate(user.Id);
        return result;
    }
}
