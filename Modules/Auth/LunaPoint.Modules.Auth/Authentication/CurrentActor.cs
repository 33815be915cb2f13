using System.Security.Claims;
using LunaPoint.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>The signed-in user, token holder or API key of the current request.</summary>
internal sealed class CurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? UserId =>
        Guid.TryParse(User?.FindFirstValue("sub") ?? User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Name => User?.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent
    {
        get
        {
            var agent = accessor.HttpContext?.Request.Headers.UserAgent.ToString();
            return string.IsNullOrEmpty(agent) ? null : agent[..Math.Min(agent.Length, 512)];
        }
    }
}
