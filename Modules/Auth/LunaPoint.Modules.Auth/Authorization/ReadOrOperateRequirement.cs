using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace LunaPoint.Modules.Auth.Authorization;

/// <summary>
/// The default rule of the product: every role may read; a request that changes something (any method
/// but GET, HEAD, OPTIONS) needs Operator or Administrator, unless the endpoint is marked
/// <see cref="AllowViewerChangesAttribute"/>. Because it is the default, an endpoint added later is safe
/// even when its author forgets to say who may call it.
/// </summary>
internal sealed class ReadOrOperateRequirement : AuthorizationHandler<ReadOrOperateRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadOrOperateRequirement requirement)
    {
        var user = context.User;
        if (!Roles.All.Any(user.IsInRole))
        {
            return Task.CompletedTask;
        }

        var http = context.Resource as HttpContext;
        var method = http?.Request.Method ?? HttpMethods.Get;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Administrator)
            || http?.GetEndpoint()?.Metadata.GetMetadata<AllowViewerChangesAttribute>() is not null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
