using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record RevokeApiKey(Guid Id) : ICommand;

internal sealed class RevokeApiKeyHandler(AuthDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<RevokeApiKey>
{
    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var entity = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, cancellationToken) ?? throw new NotFoundException("API key", command.Id);
        if (entity.RevokedAt is null)
        {
            var now = clock.GetUtcNow();
            var before = ApiKeyDto.From(entity, now);
            entity.RevokedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await sender.Send(new RecordAuditEntry(AuthModule.Name, "api-key.revoked", Target: $"api key {entity.Name} ({entity.Prefix})", Before: before, After: ApiKeyDto.From(entity, now)), cancellationToken);
        }

        return Unit.Value;
    }
}
