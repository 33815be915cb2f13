using LunaPoint.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.SharedKernel.Files;

public static class MediaRootsExtensions
{
    /// <summary>
    /// The one <see cref="MediaRoots"/> of the host: Streams judges sources with it when they are saved, and
    /// Detection again right before it opens them (a file may have been swapped for a symlink since).
    /// Created at start, so the default media folder exists before anyone looks for it.
    /// </summary>
    public static IHostApplicationBuilder AddMediaRoots(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(MediaRoots)))
        {
            builder.Services.AddSingleton(MediaRoots.FromConfiguration(
                builder.Configuration, DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath)));
        }

        return builder;
    }
}
