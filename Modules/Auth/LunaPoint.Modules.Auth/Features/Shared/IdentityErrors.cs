using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Features;

internal static class IdentityErrors
{
    /// <summary>Identity's refusals (password policy, duplicate name…) as field errors of a 400.</summary>
    public static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(FieldFor(e.Code, field), e.Description)));
        }
    }

    private static string FieldFor(string code, string fallback) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? fallback
        : code.Contains("UserName", StringComparison.Ordinal) ? "UserName"
        : fallback;
}
