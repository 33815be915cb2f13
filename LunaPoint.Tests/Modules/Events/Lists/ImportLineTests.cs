using System.IO.Pipelines;
using System.Text;
using LunaPoint.Modules.Events.Enrolment;

namespace LunaPoint.Tests.Modules.Events.Lists;

/// <summary>The NDJSON line reader and parser on their own: lines split where they end, each line's fields found.</summary>
public sealed class ImportLineTests
{
    [Fact]
    public void Parse_ReadsAGoodLine()
    {
        var line = Encoding.UTF8.GetBytes(WatchlistApi.Line("Ann One", 1));
        var face = ImportLine.Parse(line, 1, out var field, out var error);
        Assert.True(face is not null, $"{field}: {error}");
        Assert.Equal("Ann One", face.Name);
        Assert.Equal("x-1", face.ExternalId);
        Assert.Equal(512, face.Descriptor.Length);
    }

    [Theory]
    [InlineData("{\"name\":\"\xff\"}")]
    [InlineData("{\"\xff\":\"x\"}")]
    [InlineData("{\"name\":\"s\\ud800x\"}")]
    public void Parse_TextThatIsNotUtf8_IsThatLinesError_NotAnException(string latin1)
    {
        // Each char stands for one byte (0xff is not UTF-8 anywhere); \ud800 is a lone surrogate escape.
        var line = Encoding.Latin1.GetBytes(latin1);
        var face = ImportLine.Parse(line, 7, out var field, out var error);
        Assert.Null(face);
        Assert.Equal("line", field);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public async Task LineReader_SplitsLines_AndCapsLongOnes()
    {
        var text = "a\nbb\r\n\n" + new string('c', 50) + "\nd";
        var pipe = PipeReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), new StreamPipeReaderOptions(bufferSize: 7));
        var lines = new List<(int, string?)>();
        await new LineReader(pipe, 10).ReadAllAsync((n, l) =>
        {
            lines.Add((n, l is null ? null : Encoding.UTF8.GetString(l.Value.Span)));
            return Task.CompletedTask;
        }, CancellationToken.None);
        Assert.Equal([(1, "a"), (2, "bb"), (3, ""), (4, null), (5, "d")], lines);
    }
}
