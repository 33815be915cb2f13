using LunaPoint.SharedKernel.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LunaPoint.Modules.Detection.Video;

internal static class VideoCaptureRegistration
{
    /// <summary>The capture side: frame sources (ffmpeg, image folders) and the per-stream capture loop.</summary>
    public static IServiceCollection AddVideoCapture(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaptureOptions>()
            .Bind(configuration.GetSection(CaptureOptions.Section))
            .Configure(o => o.FfmpegPath = configuration[CaptureOptions.FfmpegPathKey] is { Length: > 0 } path ? path : o.FfmpegPath);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutboundAddressPolicy(configuration);
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<NetworkSourceGuard>();
        services.AddSingleton<LocalFileGuard>();
        services.AddSingleton<FfmpegLauncher>();
        services.AddSingleton<FrameSourceFactory>();
        services.AddSingleton<CaptureLoop>();
        return services;
    }
}
