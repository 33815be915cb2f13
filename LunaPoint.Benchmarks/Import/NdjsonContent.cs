using System.Net;
using System.Text;

namespace LunaPoint.Benchmarks.Import;

/// <summary>
/// An NDJSON body of <c>faces</c> random unit descriptors, written as the upload goes (a 1M-face gallery is
/// 2.8 GB: the harness never holds it either). Deterministic by seed.
/// </summary>
internal sealed class NdjsonContent(int faces, int seed) : HttpContent
{
    public long BytesWritten { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var random = new Random(seed);
        var floats = new float[512];
        var bytes = new byte[2048];
        var line = new StringBuilder(3000);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        for (var i = 0; i < faces; i++)
        {
            for (var d = 0; d < floats.Length; d++)
            {
                floats[d] = random.NextSingle() - 0.5f;
            }

            Buffer.BlockCopy(floats, 0, bytes, 0, bytes.Length);
            line.Clear().Append("{\"name\":\"Person ").Append(i).Append("\",\"externalId\":\"bench-").Append(i).Append("\",\"descriptor\":\"")
                .Append(Convert.ToBase64String(bytes)).Append("\"}\n");
            await writer.WriteAsync(line);
            BytesWritten += line.Length;
        }

        await writer.FlushAsync();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
