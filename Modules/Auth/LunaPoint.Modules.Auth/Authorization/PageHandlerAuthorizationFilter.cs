using System.Reflection;
using LunaPoint.Modules.Auth.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LunaPoint.Modules.Auth.Authorization;

/// <summary>
/// Razor Pages authorise only whole pages and ignore <c>[Authorize]</c> on handler methods. This filter
/// enforces it there too, so a page readable by every role can keep, say, its delete handler for
/// administrators with the same attribute as an endpoint.
/// </summary>
internal sealed class PageHandlerAuthorizationFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        foreach (var attribute in context.HandlerMethod?.MethodInfo.GetCustomAttributes<AuthorizeAttribute>() ?? [])
        {
            var result = await authorization.AuthorizeAsync(context.HttpContext.User, context.HttpContext, attribute.Policy ?? AuthorizationPolicies.View);
            if (!result.Succeeded)
            {
                context.Result = new ForbidResult();
                return;
            }
        }

        await next();
    }
}
