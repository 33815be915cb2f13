using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
            CreatedBy = await OwnerAsync(cancellationToken),
            CreatedAt = now,
            ExpiresAt = command.ExpiresAt ?? (options.ApiKeyDefaultLifetimeDays > 0 ? now.AddDays(options.ApiKeyDefaultLifetimeDays) : null),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "api-key.created", Target: $"api key {entity.Name} ({prefix})", After: ApiKeyDto.From(entity, entity.CreatedAt)), cancellationToken);
        return new CreatedApiKey(entity.Id, entity.Name, entity.Role, prefix, key, entity.CreatedAt, entity.ExpiresAt);
    }

    /// <summary>
    /// The person the key acts for: the signed-in administrator, or, when a key creates a key, the person
    /// behind that key (a key's subject is the key itself), so every key dies with a person's access.
    /// </summary>
    private async Task<Guid> OwnerAsync(CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } id)
        {
            return Guid.Empty;
        }

        var keyOwner = await db.ApiKeys.Where(k => k.Id == id).Select(k => (Guid?)k.CreatedBy).FirstOrDefaultAsync(cancellationToken);
        return keyOwner ?? id;
    }
}
