using Mediator;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record ImportStreams(IReadOnlyList<StreamRequest> Streams) : ICommand<IReadOnlyList<StreamDto>>;

internal sealed class ImportStreamsHandler(StreamCreator creator) : ICommandHandler<ImportStreams, IReadOnlyList<StreamDto>>
{
    public async ValueTask<IReadOnlyList<StreamDto>> Handle(ImportStreams command, CancellationToken cancellationToken) =>
        await creator.CreateAsync(command.Streams, fieldPrefix: "streams", cancellationToken);
}
