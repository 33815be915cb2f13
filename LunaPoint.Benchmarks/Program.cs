using BenchmarkDotNet.Running;
using LunaPoint.Benchmarks.Matcher;
using LunaPoint.Benchmarks.Stages;
using LunaPoint.Benchmarks.Streams;

// Whole-system modes take the first argument; anything else goes to BenchmarkDotNet:
//   dotnet run -c Release --project LunaPoint.Benchmarks -- --filter '*'
//   dotnet run -c Release --project LunaPoint.Benchmarks -- stages [--runs N]
//   dotnet run -c Release --project LunaPoint.Benchmarks -- estimates [--runs N]
//   dotnet run -c Release --project LunaPoint.Benchmarks -- streams --count 8 --seconds 60
//   dotnet run -c Release --project LunaPoint.Benchmarks -- matcher --faces 1000000 --queries 200
//   dotnet run -c Release --project LunaPoint.Benchmarks -- import --faces 1000000
//   dotnet run -c Release --project LunaPoint.Benchmarks -- alerts --rate 100 --seconds 30
return args.FirstOrDefault() switch
{
    "stages" => await StageBenchmark.RunAsync(args),
    "estimates" => await EstimateBenchmark.RunAsync(args),
    "similarity" => await LunaPoint.Benchmarks.SimilarityFigures.SimilarityBenchmark.RunAsync(args),
    "streams" => await StreamsCommand.RunAsync(args[1..]),
    "matcher" => MatcherBenchmark.Run(args[1..]),
    "search" => await LunaPoint.Benchmarks.Search.SearchBenchmark.RunAsync(args[1..]),
    "import" => await LunaPoint.Benchmarks.Import.ImportCommand.RunAsync(args[1..]),
    "ingest" => await LunaPoint.Benchmarks.Ingest.IngestCommand.RunAsync(args[1..]),
    "alerts" => await LunaPoint.Benchmarks.Alerts.AlertsCommand.RunAsync(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
