using FluentValidation;
using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LunaPoint.SharedKernel.Pages;

/// <summary>
/// What console pages show for the refusals the REST API turns into 400/404/409: the same messages, as
/// form errors. Use as <c>catch (Exception ex) when (ModelState.TryAddRefusal(ex))</c>.
/// </summary>
public static class ModelStateErrors
{
    public static bool TryAddRefusal(this ModelStateDictionary modelState, Exception exception)
    {
        switch (exception)
        {
            case ValidationException validation:
                foreach (var error in validation.Errors)
                {
                    modelState.AddModelError(error.PropertyName, ForPeople(error.PropertyName, error.ErrorMessage));
                }

                return true;
            case ConflictException or NotFoundException:
                modelState.AddModelError("", exception.Message);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The message as the form shows it. When the message already names its field ("The source must…",
    /// "'password' must not be empty") it stands alone; otherwise it is prefixed with the field's path in
    /// words ("settings › roi › y: …"), because a form may hold a nested document (streams, licences).
    /// </summary>
    public static string ForPeople(string? propertyName, string message)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return message;
        }

        var leaf = propertyName.Split('.')[^1];
        var bare = new string(leaf.Where(char.IsLetterOrDigit).ToArray());
        var squeezed = new string(message.Where(char.IsLetterOrDigit).ToArray());
        if (bare.Length >= 3 && squeezed.Contains(bare, StringComparison.OrdinalIgnoreCase))
        {
            return message;
        }

        var path = string.Join(" › ", propertyName.Split('.').Select(p => p.Length > 0 ? char.ToLowerInvariant(p[0]) + p[1..] : p));
        return $"{path}: {message}";
    }
}
