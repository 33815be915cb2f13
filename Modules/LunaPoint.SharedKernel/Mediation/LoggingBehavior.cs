using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LunaPoint.SharedKernel.Mediation;

/// <summary>Logs each message with its duration; failures are logged by the exception handler.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        LogHandled(typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Message} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string message, double elapsedMs);
}
