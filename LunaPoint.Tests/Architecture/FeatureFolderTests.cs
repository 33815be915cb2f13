using System.Reflection;
using LunaPoint.Tests.Infrastructure;
using Mediator;

namespace LunaPoint.Tests.Architecture;

/// <summary>
/// ADR 0001: inside a module, code is grouped by use case. Only the module's endpoint map sits directly in
/// Features/; everything else is in a use-case folder or Features/Shared, and every mediator handler lives
/// in a use-case folder of its own module.
/// </summary>
public sealed class FeatureFolderTests
{
    public static TheoryData<string> ModuleNames() => new(ModuleContexts.Modules);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void FeaturesFolder_HoldsOnlyUseCaseFolders_AndTheEndpointMap(string module)
    {
        var features = Path.Combine(RepoPaths.Root, "Modules", module, $"LunaPoint.Modules.{module}", "Features");
        if (!Directory.Exists(features))
        {
            return; // a module without features yet (Detection, Notifications before their steps)
        }

        var loose = Directory.GetFiles(features, "*.cs").Select(Path.GetFileName).Where(f => f != $"{module}Endpoints.cs").ToList();
        Assert.True(loose.Count == 0, $"{module}/Features has files outside use-case folders: {string.Join(", ", loose)}");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void EveryHandler_LivesInAUseCaseFolder(string module)
    {
        var root = Path.Combine(RepoPaths.Root, "Modules", module, $"LunaPoint.Modules.{module}");
        var handlerTypes = Assembly.Load($"LunaPoint.Modules.{module}").GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsHandlerInterface))
            .Select(t => t.Name)
            .ToList();
        var features = Path.Combine(root, "Features");
        var sources = (Directory.Exists(features) ? Directory.GetFiles(features, "*.cs", SearchOption.AllDirectories) : [])
            .Where(f => Path.GetDirectoryName(f) != Path.Combine(root, "Features") && !f.Contains($"{Path.DirectorySeparatorChar}Shared{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText)
            .ToList();
        var misplaced = handlerTypes.Where(name => !sources.Any(text => text.Contains($"class {name}", StringComparison.Ordinal))).ToList();
        Assert.True(misplaced.Count == 0, $"{module} handlers outside Features/<UseCase>/: {string.Join(", ", misplaced)}");
    }

    private static bool IsHandlerInterface(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(ICommandHandler<,>) || d == typeof(ICommandHandler<>) || d == typeof(IQueryHandler<,>)
            || d == typeof(IRequestHandler<,>) || d == typeof(IRequestHandler<>) || d == typeof(INotificationHandler<>));
}
