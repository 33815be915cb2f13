using System.Reflection;
using System.Xml.Linq;
using LunaPoint.Tests.Infrastructure;
using NetArchTest.Rules;

namespace LunaPoint.Tests.Architecture;

/// <summary>
/// The boundaries of the modular monolith: a module reaches another only through its .Contracts, and
/// nothing of a module's implementation is public but its entry type.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] Modules = ModuleContexts.Modules;

    public static TheoryData<string> ModuleNames() => new(Modules);

    private static Assembly Implementation(string module) => Assembly.Load($"LunaPoint.Modules.{module}");

    private static Assembly Contracts(string module) => Assembly.Load($"LunaPoint.Modules.{module}.Contracts");

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_DoesNotDependOnAnotherModulesImplementation(string module)
    {
        var otherImplementationTypes = Modules.Where(m => m != module)
            .SelectMany(m => Implementation(m).GetTypes())
            .Select(t => t.FullName!)
            .Where(n => !n.Contains('<'))
            .ToArray();

        var result = Types.InAssembly(Implementation(module))
            .ShouldNot().HaveDependencyOnAny(otherImplementationTypes)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{module} uses another module's implementation: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void ModuleProject_ReferencesOnlySharedKernelAndContracts(string module)
    {
        var project = Path.Combine(RepoPaths.Root, "Modules", module, $"LunaPoint.Modules.{module}", $"LunaPoint.Modules.{module}.csproj");
        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.Contains($"LunaPoint.Modules.{module}.Contracts", references);
        Assert.All(references, reference => Assert.True(
            reference == "LunaPoint.SharedKernel" || reference.EndsWith(".Contracts", StringComparison.Ordinal),
            $"{module} references {reference}; modules may reference only LunaPoint.SharedKernel and .Contracts projects"));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void ModuleAssembly_ReferencesNoOtherModuleImplementation(string module)
    {
        var referenced = Implementation(module).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var forbidden = Modules.Where(m => m != module).Select(m => $"LunaPoint.Modules.{m}");

        Assert.Empty(referenced.Intersect(forbidden));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void ModuleImplementation_IsInternal_ExceptItsEntryType(string module)
    {
        var result = Types.InAssembly(Implementation(module))
            .That().DoNotHaveName($"{module}Module")
            .Should().NotBePublic()
            .GetResult();

        Assert.True(result.IsSuccessful, $"Public types in {module}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        var entry = Implementation(module).GetExportedTypes();
        Assert.Equal([$"LunaPoint.Modules.{module}.{module}Module"], entry.Select(t => t.FullName));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_DependOnNoImplementationDataOrSharedKernel(string module)
    {
        var result = Types.InAssembly(Contracts(module))
            .ShouldNot().HaveDependencyOnAny(
                [.. Modules.Select(m => $"LunaPoint.Modules.{m}.{m}Module"), "Microsoft.EntityFrameworkCore", "LunaPoint.SharedKernel.Data"])
            .GetResult();

        Assert.True(result.IsSuccessful, $"{module}.Contracts depends on: {string.Join(", ", result.FailingTypeNames ?? [])}");
        var referenced = Contracts(module).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, r => r.StartsWith("LunaPoint.Modules.", StringComparison.Ordinal) && !r.EndsWith(".Contracts", StringComparison.Ordinal));
    }
}
