using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Security;
using Mediator;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record CreateApiKey(string Name, string Role, DateTimeOffset? ExpiresAt = null) : ICommand<CreatedApiKey>;

/// <summary>Returned once, at creation: <see cref="Key"/> is never shown again.</summary>
internal sealed record CreatedApiKey(Guid Id, string Name, string Role, string Prefix, string Key, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

internal sealed class CreateApiKeyHandler(AuthDbContext db, ICurrentActor actor, ISender sender, TimeProvider clock) : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var (key, prefix, hash) = ApiKeySecret.Create();
        var entity = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = command.Name,
            Role = command.Role,
            Prefix = prefix,
            SecretHash = hash,
            CreatedBy = actor.UserId ?? Guid.Empty,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = command.ExpiresAt,
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "api-key.created", Target: $"api key {entity.Name} ({prefix})", After: ApiKeyDto.From(entity, entity.CreatedAt)), cancellationToken);
        return new CreatedApiKey(entity.Id, entity.Name, entity.Role, prefix, key, entity.CreatedAt, entity.ExpiresAt);
    }
}
