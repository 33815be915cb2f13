using LunaPoint.Modules.Streams.Contracts;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// One stream run's view of what its settings get under the licence in force (<see cref="DetectionLicence"/>):
/// asked again at each detector run and best shot (cached, so cheap). A feature the licence no longer has is
/// left out and the stream keeps running; it is logged once per change, and comes back with a licence that has it.
/// </summary>
internal sealed partial class StreamFeatures(StreamToAnalyse stream, DetectionLicence licence, StreamRuntime runtime, ILogger logger)
{
    private EffectiveFeatures? _current;

    /// <summary>The features as last asked (before the first answer: none of the licensed ones).</summary>
    public EffectiveFeatures Current => _current ?? EffectiveFeatures.Of(stream.Settings, Unlicensed);

    public async ValueTask<EffectiveFeatures> RefreshAsync(CancellationToken cancellationToken)
    {
        EffectiveFeatures now;
        try
        {
            now = EffectiveFeatures.Of(stream.Settings, await licence.GetAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Licensing unreachable for a moment (database): keep what was known rather than stop the stream.
            LogLicenceUnknown(ex, stream.Id);
            return Current;
        }

        var before = _current;
        _current = now;
        runtime.FeaturesDenied = now.Denied;
        if (before is null ? now.Denied.Count > 0 : !before.Denied.SequenceEqual(now.Denied))
        {
            if (now.Denied.Count > 0)
            {
                LogDenied(stream.Id, string.Join(", ", now.Denied));
            }
            else
            {
                LogRestored(stream.Id);
            }
        }

        return now;
    }

    private static readonly Licensing.Contracts.LicenseLimits Unlicensed = new("", true, null, false, 0, 0, false, false, false, false);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId} asks for {Settings}, which the licence in force does not include: it runs without them until a licence with them is installed")]
    private partial void LogDenied(Guid streamId, string settings);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {StreamId}: every feature its settings ask for is licensed again")]
    private partial void LogRestored(Guid streamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: the licence could not be read; the features last known stay in force")]
    private partial void LogLicenceUnknown(Exception exception, Guid streamId);
}
