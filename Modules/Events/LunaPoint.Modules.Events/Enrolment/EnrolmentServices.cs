using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Events.Enrolment;

internal static class EnrolmentServices
{
    public static IHostApplicationBuilder AddEnrolment(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EnrolmentOptions>().Bind(builder.Configuration.GetSection(EnrolmentOptions.Section));
        builder.Services.AddSingleton<EnrolmentGate>();
        builder.Services.AddSingleton<FaceCount>();
        builder.Services.AddScoped<FaceQuota>();
        builder.Services.AddScoped<PhotoEnroller>();
        builder.Services.AddScoped<FaceWriter>();
        builder.Services.AddScoped<FaceRemoval>();
        builder.Services.AddScoped<WatchlistSync>();
        builder.Services.AddScoped<DescriptorBatchWriter>();
        return builder;
    }
}
