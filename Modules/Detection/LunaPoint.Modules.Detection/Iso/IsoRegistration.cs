using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Iso;

internal static class IsoRegistration
{
    /// <summary>The ISO/IEC 19794-5 checker and its thresholds, refused at start when a threshold is out of range.</summary>
    public static IHostApplicationBuilder AddIsoChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IsoOptions>()
            .Bind(builder.Configuration.GetSection(IsoOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IsoOptions>, IsoOptionsValidation>();
        builder.Services.AddSingleton<IsoChecker>();
        return builder;
    }

    /// <summary>Fails the start naming the setting that is out of range.</summary>
    private sealed class IsoOptionsValidation : IValidateOptions<IsoOptions>
    {
        public ValidateOptionsResult Validate(string? name, IsoOptions options) =>
            options.IsValid(out var problem) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail($"{IsoOptions.Section}: {problem}.");
    }
}
