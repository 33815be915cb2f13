using Microsoft.AspNetCore.Http;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>
/// A console user who must change the password (first start, reset by an administrator) can open
/// nothing but the change-password and sign-out pages until done.
/// </summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(AuthSchemes.MustChangePasswordClaim, "true")
            && !context.Request.Path.StartsWithSegments("/account")
            && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
        {
            if (AuthProblems.IsApi(context))
            {
                return AuthProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "The password must be changed first: POST /api/v1/auth/change-password.");
            }

            context.Response.Redirect("/account/change-password?ReturnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return Task.CompletedTask;
        }

        return next(context);
    }
}
