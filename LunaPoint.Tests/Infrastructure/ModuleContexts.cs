using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Tests.Infrastructure;

/// <summary>Every module's DbContext per provider, found from the module assemblies the host loads.</summary>
internal static class ModuleContexts
{
    public static readonly string[] Modules = ["Streams", "Detection", "Events", "Licensing", "Auth", "Notifications"];

    public static Type ContextType(string module, DatabaseProvider provider) =>
        typeof(Program).Assembly.GetReferencedAssemblies()
            .Select(System.Reflection.Assembly.Load)
            .Single(a => a.GetName().Name == $"LunaPoint.Modules.{module}")
            .GetType($"LunaPoint.Modules.{module}.Data.{provider}{module}DbContext", throwOnError: true)!;

    /// <summary>A context for <paramref name="module"/> configured exactly as the host configures it.</summary>
    public static DbContext Create(string module, DatabaseSettings settings)
    {
        var type = ContextType(module, settings.Provider);
        var schema = (string)type.BaseType!.GetField("SchemaName")!.GetRawConstantValue()!;
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        ModuleDbOptions.Configure(builder, settings, schema);
        return (DbContext)Activator.CreateInstance(type, builder.Options)!;
    }
}
