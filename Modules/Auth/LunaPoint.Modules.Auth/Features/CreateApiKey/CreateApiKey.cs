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

internal sealed class CreateApiKeyHandler(AuthDbContext db, ICurrentActor actor, ISender sender, AuthOptions options, TimeProvider clock)
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
            // The person the key acts for: the key dies with that person's access (the endpoint refuses key callers).
            CreatedBy = actor.UserId ?? Guid.Empty,
            CreatedAt = now,
            ExpiresAt = command.ExpiresAt ?? (options.DefaultKeyLifetimeDays is { } days ? now.AddDays(days) : null),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "api-key.created", Target: $"api key {entity.Name} ({prefix})", After: ApiKeyDto.From(entity, entity.CreatedAt)), cancellationToken);
        return new CreatedApiKey(entity.Id, entity.Name, entity.Role, prefix, key, entity.CreatedAt, entity.ExpiresAt);
    }
}
