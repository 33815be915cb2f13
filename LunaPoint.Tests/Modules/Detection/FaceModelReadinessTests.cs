using System.Net;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Platform;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Tests.Modules.Detection;

/// <summary>A missing or corrupt model leaves the host up but not ready, with one log line saying how to fix it.</summary>
public sealed class FaceModelReadinessTests
{
    [Fact]
    public async Task MissingModels_HostIsNotReady_AndLogsOneLineWithTheFix()
    {
        using var folder = new TempFolder("lunapoint-nomodels-");
        var emptyDir = folder.Path;

        await using var factory = await LunaPointFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["LunaPoint:ModelsDir"] = emptyDir });
        var (status, report) = await WaitForModelVerdictAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("face models missing", report);
        Assert.Contains($"scripts/fetch-models.sh {emptyDir}", report);
        var line = Assert.Single(factory.Logs.Lines, l => l.Category.EndsWith("FaceModelLoader", StringComparison.Ordinal) && l.Level >= LogLevel.Error);
        Assert.Contains($"Fetch them with: scripts/fetch-models.sh {emptyDir}", line.Message);
        Assert.Null(line.Exception);
    }

    [Fact]
    public async Task CorruptModel_HostIsNotReady_AndNamesTheFile()
    {
        // Copies of the models (140 MB): deleted with the folder when the test ends.
        using var folder = new TempFolder("lunapoint-badmodels-");
        var dir = folder.Path;
        foreach (var file in Directory.GetFiles(RepoPaths.Models, "*.onnx"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        await using (var stream = File.OpenWrite(Path.Combine(dir, "fr_detect.onnx")))
        {
            stream.Seek(1000, SeekOrigin.Begin);
            stream.WriteByte(0x42);
        }

        await using var factory = await LunaPointFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["LunaPoint:ModelsDir"] = dir });
        var (status, report) = await WaitForModelVerdictAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("fr_detect.onnx", report);
        Assert.Contains("corrupt", report);
        using var live = await factory.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>Waits until the model loader has decided (the report no longer says "loading").</summary>
    private static async Task<(HttpStatusCode Status, string Report)> WaitForModelVerdictAsync(LunaPointFactory factory)
    {
        // Anonymous probes get the status only; the reasons (and paths) are for signed-in administrators.
        using var client = await SignedInAdministratorAsync(factory);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await client.GetAsync("/health/ready");
            var report = await response.Content.ReadAsStringAsync();
            if (!report.Contains("face models are loading", StringComparison.Ordinal) && !report.Contains("not migrated yet", StringComparison.Ordinal))
            {
                return (response.StatusCode, report);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The face model loader never reached a verdict.");
    }

    /// <summary>The bootstrap administrator, once the background bootstrapper has created it.</summary>
    private static async Task<HttpClient> SignedInAdministratorAsync(LunaPointFactory factory)
    {
        using var anonymous = factory.CreateClient();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var response = await anonymous.RequestTokenAsync("admin", LunaPointFactory.AdminPassword);
            if (response.IsSuccessStatusCode)
            {
                var token = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
                return factory.CreateClientWithToken(token);
            }
        }

        throw new TimeoutException("The administrator was never created.");
    }
}
