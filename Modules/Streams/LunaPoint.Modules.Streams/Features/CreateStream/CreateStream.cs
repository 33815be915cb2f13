using Mediator;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record CreateStream(StreamRequest Stream) : ICommand<StreamDto>;

internal sealed class CreateStreamHandler(StreamCreator creator) : ICommandHandler<CreateStream, StreamDto>
{
    public async ValueTask<StreamDto> Handle(CreateStream command, CancellationToken cancellationToken) =>
        (await creator.CreateAsync([command.Stream], fieldPrefix: null, cancellationToken))[0];
}
