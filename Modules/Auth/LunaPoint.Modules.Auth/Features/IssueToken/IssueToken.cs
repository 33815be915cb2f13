using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record IssueToken(string UserName, string Password) : ICommand<TokenResponse>;

internal sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

internal sealed class IssueTokenHandler(PasswordVerifier verifier, UserManager<User> users, TokenIssuer issuer)
    : ICommandHandler<IssueToken, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(IssueToken command, CancellationToken cancellationToken)
    {
        var user = await verifier.VerifyAsync(command.UserName, command.Password, setCookie: false, persistent: false, "api", cancellationToken)
            ?? throw new UnauthorizedException(PasswordVerifier.Refused);
        if (user.MustChangePassword)
        {
            throw new ForbiddenException("The password must be changed before a token is issued: POST /api/v1/auth/change-password.");
        }

        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Contracts.Roles.Viewer;
        var token = issuer.Issue(user, role);
        return new TokenResponse(token.Token, "Bearer", token.ExpiresInSeconds);
    }
}
