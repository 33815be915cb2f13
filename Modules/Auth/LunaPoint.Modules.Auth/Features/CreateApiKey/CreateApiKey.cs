using System.Security.Claims;
using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record CreateApiKey(string Name, string Role, DateTimeOffset? ExpiresAt = null) : ICommand<CreatedApiKey>;

/// <summary>Returned once, at creation: <see cref="Key"/> is never shown again.</summary>
internal sealed record CreatedApiKey(Guid Id, string Name, string Role, string Prefix, string Key, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

internal sealed class CreateApiKeyHandler(AuthDbContext db, ICurrentActor actor, IHttpContextAccessor accessor, ISender sender, AuthOptions options, TimeProvider clock)
    : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var (key, prefix, hash) = ApiKeySecret.Create();
        var now = clock.GetUtcNow();
        var entity = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = command.Name,
            Role = command.Role,
            Prefix = prefix,
            SecretHash = hash,
            CreatedBy = Owner(),
            CreatedAt = now,
            ExpiresAt = command.ExpiresAt ?? (options.DefaultKeyLifetimeDays is { } days ? now.AddDays(days) : null),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "api-key.created", Target: $"api key {entity.Name} ({prefix})", After: ApiKeyDto.From(entity, entity.CreatedAt)), cancellationToken);
        return new CreatedApiKey(entity.Id, entity.Name, entity.Role, prefix, key, entity.CreatedAt, entity.ExpiresAt);
    }

    /// <summary>
    /// The person the key acts for, so the key dies with that person's access. Only a signed-in person may
    /// create keys: a key minting keys would let one leaked key renew itself past its own expiry.
    /// </summary>
    private Guid Owner()
    {
        RefuseApiKeyCaller(accessor.HttpContext?.User);
        return actor.UserId ?? Guid.Empty;
    }

    /// <summary>Also called by the endpoint before validation, so the refusal comes first and alone.</summary>
    internal static void RefuseApiKeyCaller(ClaimsPrincipal? caller)
    {
        if (caller?.FindFirstValue("auth_method") == "api_key")
        {
            throw new ForbiddenException("An API key cannot create API keys: sign in as an administrator (bearer token or the console) to create one.");
        }
    }
}
