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
                    // Name the field: a form may hold a whole JSON document (streams, licences).
                    var message = string.IsNullOrEmpty(error.PropertyName) ? error.ErrorMessage : $"{error.PropertyName}: {error.ErrorMessage}";
                    modelState.AddModelError(error.PropertyName, message);
                }

                return true;
            case ConflictException or NotFoundException:
                modelState.AddModelError("", exception.Message);
                return true;
            default:
                return false;
        }
    }
}
