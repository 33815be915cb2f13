using BenchmarkDotNet.Running;
using LunaPoint.Benchmarks.Stages;
using LunaPoint.Benchmarks.Streams;

// Whole-system modes take the first argument; anything else goes to BenchmarkDotNet:
//   dotnet run -c Release --project LunaPoint.Benchmarks -- --filter '*'
//   dotnet run -c Release --project LunaPoint.Benchmarks -- stages [--runs N]
//   dotnet run -c Release --project LunaPoint.Benchmarks -- estimates [--runs N]
//   dotnet run -c Release --project LunaPoint.Benchmarks -- streams --count 8 --seconds 60
return args.FirstOrDefault() switch
{
    "stages" => await StageBenchmark.RunAsync(args),
    "estimates" => await EstimateBenchmark.RunAsync(args),
    "streams" => await StreamsCommand.RunAsync(args[1..]),
    "ingest" => await LunaPoint.Benchmarks.Ingest.IngestCommand.RunAsync(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
