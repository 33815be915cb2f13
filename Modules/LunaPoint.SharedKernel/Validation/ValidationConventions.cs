using System.Text.Json;
using FluentValidation;

namespace LunaPoint.SharedKernel.Validation;

/// <summary>
/// How every validator names a field in its messages: as the API spells it (camelCase, as in the JSON
/// body and the problem's <c>errors</c> keys), not FluentValidation's split of the C# property name
/// ("'page Size'", "'New Password'").
/// </summary>
public static class ValidationConventions
{
    public static void Apply() =>
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
}
