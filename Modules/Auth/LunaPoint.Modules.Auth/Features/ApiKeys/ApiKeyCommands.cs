using FluentValidation;
using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features.ApiKeys;

internal sealed record ApiKeyDto(
    Guid Id, string Name, string Role, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Active);

/// <summary>Returned once, at creation: <see cref="Key"/> is never shown again.</summary>
internal sealed record CreatedApiKey(Guid Id, string Name, string Role, string Prefix, string Key, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

internal sealed record CreateApiKey(string Name, string Role, DateTimeOffset? ExpiresAt = null) : ICommand<CreatedApiKey>;

internal sealed record RevokeApiKey(Guid Id) : ICommand;

internal sealed record ListApiKeys : IQuery<IReadOnlyList<ApiKeyDto>>;

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Role).NotEmpty().Must(r => Roles.All.Contains(r)).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow()).WithMessage("Expiry must be in the future.");
    }
}

internal sealed class ApiKeyHandlers(AuthDbContext db, ICurrentActor actor, ISender sender, TimeProvider clock)
    : ICommandHandler<CreateApiKey, CreatedApiKey>, ICommandHandler<RevokeApiKey>, IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyDto>>
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
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "api-key.created", Target: $"api key {entity.Name} ({prefix})", After: ToDto(entity, entity.CreatedAt)), cancellationToken);
        return new CreatedApiKey(entity.Id, entity.Name, entity.Role, prefix, key, entity.CreatedAt, entity.ExpiresAt);
    }

    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var entity = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, cancellationToken) ?? throw new NotFoundException("API key", command.Id);
        if (entity.RevokedAt is null)
        {
            var now = clock.GetUtcNow();
            var before = ToDto(entity, now);
            entity.RevokedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await sender.Send(new RecordAuditEntry(AuthModule.Name, "api-key.revoked", Target: $"api key {entity.Name} ({entity.Prefix})", Before: before, After: ToDto(entity, now)), cancellationToken);
        }

        return Unit.Value;
    }

    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken);
        return keys.Select(k => ToDto(k, now)).ToList();
    }

    private static ApiKeyDto ToDto(ApiKey k, DateTimeOffset now) =>
        new(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt, k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now));
}
