using BenchmarkDotNet.Running;
using LunaPoint.Benchmarks.Stages;

// dotnet run -c Release --project LunaPoint.Benchmarks -- --filter '*'
// dotnet run -c Release --project LunaPoint.Benchmarks -- stages [--runs N]
if (args is ["stages", ..])
{
    return await StageBenchmark.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
