using BenchmarkDotNet.Running;

// dotnet run -c Release --project LunaPoint.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
