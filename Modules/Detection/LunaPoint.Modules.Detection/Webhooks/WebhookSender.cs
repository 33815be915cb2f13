using System.Net.Http.Headers;
using LunaPoint.SharedKernel.Security;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary>
/// One POST of a best shot: multipart/form-data with <c>metadata</c> (application/json) and <c>face</c>
/// (image/jpeg, face.jpg; absent for a body best shot) and <c>body</c> (body.jpg, when a body was seen), the row id in X-LunaPoint-Delivery for the receiver to de-duplicate. User-info
/// in the URL (<c>https://user:pass@host/hook</c>) goes as Basic authorisation, never in the request line.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options)
{
    public const string ClientName = "LunaPoint.Webhooks";
    public const string DeliveryHeader = "X-LunaPoint-Delivery";
    public const string UserAgent = "LunaPoint-Webhooks/1.0";

    /// <returns>null when the receiver accepted it (2xx); else why not, URL masked, no response body.</returns>
    public async Task<string?> PostAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        var timeout = options.Value.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var url = new Uri(delivery.Url, UriKind.Absolute);
            using var request = new HttpRequestMessage(HttpMethod.Post, new UriBuilder(url) { UserName = "", Password = "" }.Uri);
            request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
            if (url.UserInfo.Length > 0)
            {
                var credentials = Uri.UnescapeDataString(url.UserInfo);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
            }

            using var content = new MultipartFormDataContent();
            content.Add(new StringContent(delivery.MetadataJson, System.Text.Encoding.UTF8, "application/json"), "metadata");
            if (delivery.FaceJpeg.Length > 0)
            {
                content.Add(Jpeg(delivery.FaceJpeg), "face", "face.jpg");
            }

            if (delivery.BodyJpeg is { Length: > 0 } body)
            {
                content.Add(Jpeg(body), "body", "body.jpg");
            }
            request.Content = content;

            using var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? null
                : Describe(delivery.Url, $"HTTP {code} {Short(response.ReasonPhrase)}{(code is >= 300 and < 400 ? " (redirects are not followed)" : "")}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Describe(delivery.Url, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Describe(delivery.Url, Messages(ex));
        }
    }

    private static ByteArrayContent Jpeg(byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return part;
    }

    private static string Describe(string url, string reason) =>
        Short($"POST {SecretMasking.MaskUrl(url)}: {SecretMasking.MaskUrlsIn(reason)}", 500);

    /// <summary>The exception's message and its causes' ("An error occurred while sending the request" alone says nothing).</summary>
    private static string Messages(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join(" / ", messages);
    }

    private static string Short(string? text, int length = 100) => text is null ? "" : text.Length <= length ? text : text[..length] + "…";
}
