using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>The command line of <c>-- streams</c>; see <see cref="Usage"/>.</summary>
internal sealed record StreamsOptions(
    int Count, int Seconds, double Fps, int Warmup, int SampleEvery, bool FindMax, int Max,
    IReadOnlyDictionary<string, string> Settings, bool NoBuild, bool Keep, JsonObject StreamSettings)
{
    /// <summary>Which clip the camera stand-ins send (<see cref="TestClips"/>): <c>faces</c> (default) or <c>people</c>.</summary>
    public string Clip { get; init; } = TestClips.Faces;

    public const string Usage = """
        usage: dotnet run -c Release --project LunaPoint.Benchmarks -- streams
                 [--count N (2)] [--seconds S (60)] [--fps F (5)] [--warmup W (10)] [--sample-every E (30)]
                 [--find-max [--max M (12)]] [--set Key:Path=value ...] [--stream-settings JSON] [--no-build] [--keep]
                 [--clip faces|people (faces)]
          --set       host setting, e.g. --set LunaPoint:Inference:IntraOpThreads=1 (repeatable)
          --stream-settings  each stream's settings, e.g. '{"detectorStep":2,"bestShot":{"timeoutMs":800}}'
                      (maxAnalysisFps comes from --fps)
          --clip      faces: five face photos drifting on grey, 1280x720 (no people); people: vtest.avi's
                      pedestrians, 768x576 (for bodies; few faces)
          --no-build  use the existing Release build of LunaPoint.Host
          --keep      keep the temp data folder and host log
        """;

    /// <summary>Null (after writing why) when the arguments are not understood.</summary>
    public static StreamsOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var options = new StreamsOptions(2, 60, 5, 10, 30, false, 12, new Dictionary<string, string>(), false, false, []);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                options = args[i] switch
                {
                    "--count" => options with { Count = Positive(Value()) },
                    "--seconds" => options with { Seconds = Positive(Value()) },
                    "--fps" => options with { Fps = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--warmup" => options with { Warmup = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--sample-every" => options with { SampleEvery = Positive(Value()) },
                    "--find-max" => options with { FindMax = true },
                    "--max" => options with { Max = Positive(Value()) },
                    "--no-build" => options with { NoBuild = true },
                    "--keep" => options with { Keep = true },
                    "--clip" => options with { Clip = TestClips.Known(Value()) },
                    "--set" => AddSetting(options, settings, Value()),
                    "--stream-settings" => options with { StreamSettings = JsonObject(Value()) },
                    _ => throw new FormatException($"unknown option '{args[i]}'"),
                };
            }
        }
        catch (FormatException ex)
        {
            error.WriteLine($"streams: {ex.Message}");
            error.WriteLine(Usage);
            return null;
        }

        return options with { Settings = settings };
    }

    private static StreamsOptions AddSetting(StreamsOptions options, Dictionary<string, string> settings, string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            throw new FormatException($"--set wants Key:Path=value, got '{pair}'");
        }

        settings[pair[..at]] = pair[(at + 1)..];
        return options;
    }

    private static JsonObject JsonObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new FormatException("--stream-settings wants a JSON object");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"--stream-settings: {ex.Message}");
        }
    }

    private static int Positive(string text) =>
        int.Parse(text, CultureInfo.InvariantCulture) is var n && n > 0 ? n : throw new FormatException($"'{text}' is not a positive number");
}
