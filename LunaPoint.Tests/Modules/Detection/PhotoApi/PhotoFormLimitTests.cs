using System.Text;
using LunaPoint.Host.ErrorHandling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Detection.PhotoApi;

/// <summary>
/// A chunked multipart photo over Kestrel's body cap is 413, not "could not be read": the host's text
/// guard reads forms first and must let the cap's refusal through. (The test server has no body cap, so the
/// guard is run on a body that fails the way Kestrel's does.)
/// </summary>
public sealed class PhotoFormLimitTests
{
    [Fact]
    public async Task FormBodyOverKestrelsCap_StaysA413()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/detections";
        context.Request.ContentType = "multipart/form-data; boundary=b1";
        context.Request.Body = new CappedBody(Encoding.ASCII.GetBytes("--b1\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n\r\n"));
        var pipeline = new ApplicationBuilder(context.RequestServices).UseRequestTextGuard().Build();

        var refusal = await Assert.ThrowsAsync<BadHttpRequestException>(() => pipeline(context));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, refusal.StatusCode);
    }

    /// <summary>Gives its bytes, then refuses the rest as Kestrel does past MaxRequestBodySize.</summary>
    private sealed class CappedBody(byte[] start) : MemoryStream(start)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
