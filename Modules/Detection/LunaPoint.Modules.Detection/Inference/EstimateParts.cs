using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// Runs one part of a face's estimates so that its failure is logged and answered as null instead of
/// failing the face, the photo or the best shot. Cancellation of the caller's token still cancels.
/// </summary>
internal sealed partial class EstimateParts(ILogger logger)
{
    public async ValueTask<T?> RunAsync<T>(string part, Func<ValueTask<T>> estimate, CancellationToken cancellationToken)
        where T : class?
    {
        try
        {
            return await estimate();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(logger, e, part);
            return null;
        }
    }

    public T? Run<T>(string part, Func<T> estimate)
        where T : class
    {
        try
        {
            return estimate();
        }
        catch (Exception e)
        {
            Failed(logger, e, part);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Part} estimate of a face failed; it is answered as null.")]
    private static partial void Failed(ILogger logger, Exception exception, string part);
}
