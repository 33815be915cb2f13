using FluentValidation;
using LunaPoint.Modules.Detection.Bodies;
using LunaPoint.Modules.Detection.FaceModels;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Iso;
using LunaPoint.Modules.Detection.Video;
using LunaPoint.Modules.Detection.Webhooks;
using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Features;
using LunaPoint.Modules.Detection.Workers;
using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Files;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Detection;

/// <summary>The Detection module's only public type: what the host calls to add and map it.</summary>
public static class DetectionModule
{
    public const string Name = "Detection";

    public static IHostApplicationBuilder AddDetectionModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDatabase<DetectionDbContext, PostgresDetectionDbContext, SqliteDetectionDbContext>(DetectionDbContext.SchemaName);
        builder.Services.AddValidatorsFromAssembly(typeof(DetectionModule).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        builder.Services.AddOptions<FaceModelOptions>()
            .Bind(builder.Configuration.GetSection(FaceModelOptions.Section))
            .Configure(o => o.ModelsDir = builder.Configuration["LunaPoint:ModelsDir"] ?? o.ModelsDir);
        builder.Services.AddSingleton<FaceModelStore>();
        builder.Services.AddHostedService<FaceModelLoader>();
        builder.Services.AddFaceInference();
        builder.Services.AddBodyDetection();
        builder.Services.AddFaceEstimates();
        builder.AddMediaRoots();
        builder.Services.AddVideoCapture(builder.Configuration);
        builder.AddStreamWorkers();
        builder.Services.AddHealthChecks()
            .AddCheck<FaceModelsReadyCheck>("face-models", tags: [ModuleDatabaseExtensions.ReadyTag])
            .AddCheck<VideoBackendCheck>("video-backend", tags: [ModuleDatabaseExtensions.ReadyTag]);
        builder.AddDetectionWebhooks();
        builder.AddIsoChecks();

        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapDetectionModule(this IEndpointRouteBuilder api)
    {
        api.MapDetectionEndpoints();
        return api;
    }
}
