using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record DeleteStream(Guid Id) : ICommand;

internal sealed class DeleteStreamHandler(StreamsDbContext db, ISender sender, IPublisher publisher) : ICommandHandler<DeleteStream>
{
    public async ValueTask<Unit> Handle(DeleteStream command, CancellationToken cancellationToken)
    {
        var stream = await db.FindStreamAsync(command.Id, cancellationToken);
        var before = StreamMapping.ToDto(stream);
        db.Streams.Remove(stream);
        await db.StreamLogs.Where(l => l.StreamId == stream.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await sender.Send(new RecordAuditEntry(StreamsModule.Name, "stream.deleted", Target: $"stream {stream.Name} ({stream.Id})", Before: before), cancellationToken);
        await publisher.Publish(new StreamDeleted(stream.Id), cancellationToken);
        return Unit.Value;
    }
}
