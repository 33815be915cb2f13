using System.Security.Claims;
using LunaPoint.Modules.Auth.Domain;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LunaPoint.Modules.Auth.Authentication;

internal sealed record AccessToken(string Token, int ExpiresInSeconds);

/// <summary>Creates the short-lived JWTs of the REST API.</summary>
internal sealed class TokenIssuer(AuthOptions options, SigningKeyProvider keys, TimeProvider clock)
{
    public AccessToken Issue(User user, string role)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.TokenLifetimeMinutes);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Name, user.UserName!),
                new Claim("role", role),
                new Claim(AuthSchemes.StampClaim, user.SecurityStamp ?? ""),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
        };
        return new AccessToken(new JsonWebTokenHandler().CreateToken(descriptor), (int)lifetime.TotalSeconds);
    }
}
