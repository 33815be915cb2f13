using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Network;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>
/// The webhook channel: POSTs <see cref="WebhookPayload"/> as JSON, signed (<c>X-LunaPoint-Signature:
/// sha256=HMAC of the body with the rule's secret</c>, stored protected: <see cref="WebhookSecrets"/>), with the
/// delivery id for de-duplication. 2xx: sent; 408, 425, 429, 5xx, timeouts and connection errors: retried
/// (Retry-After honoured); other 4xx: refused for good. Redirects are not followed; addresses the outbound
/// policy denies are refused at connect, and that refusal is for good too (the policy will not change its
/// mind within the retry period; retrying would only knock on the denied address for an hour).
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IDataProtectionProvider protection, IOptions<NotificationsOptions> options, TimeProvider clock) : IChannelSender
{
    public const string ClientName = "LunaPoint.Notifications.Webhooks";
    public const string SignatureHeader = "X-LunaPoint-Signature";
    public const string DeliveryHeader = "X-LunaPoint-Delivery";
    public const string TimestampHeader = "X-LunaPoint-Timestamp";

    public ChannelType Channel => ChannelType.Webhook;

    public async Task SendAsync(Delivery delivery, Alert alert, CancellationToken cancellationToken)
    {
        var target = delivery.Target.Url ?? delivery.Recipient;
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new DeliveryFailedException("The webhook URL is not an absolute http(s) URL.", permanent: true);
        }

        string? secret = null;
        if (!string.IsNullOrEmpty(delivery.Target.Secret) && (secret = protection.TryUnprotectWebhookSecret(delivery.Target.Secret)) is null)
        {
            // Sending unsigned would let the receiver accept forgeries, or make it reject this one: neither helps.
            throw new DeliveryFailedException(
                "The webhook secret cannot be read with this server's data protection keys (the key ring changed?): save the rule's secret again.", permanent: true);
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var body = WebhookPayload.Serialize(delivery, alert, timestamp);
        using var request = new HttpRequestMessage(HttpMethod.Post, new UriBuilder(url) { UserName = "", Password = "" }.Uri);
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        if (secret is not null)
        {
            request.Headers.Add(SignatureHeader, WebhookPayload.Signature(body, secret));
        }

        if (url.UserInfo.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(url.UserInfo))));
        }

        request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
        var timeout = TimeSpan.FromSeconds(Math.Max(options.Value.Dispatch.WebhookTimeoutSeconds, 0.1));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            using var client = clients.CreateClient(ClientName);
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException($"POST {ErrorText.MaskUrl(target)}: no answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryFailedException($"POST {ErrorText.MaskUrl(target)}: {ErrorText.Of(ex)}", permanent: OutboundAddressRefusedException.IsIn(ex), inner: ex);
        }

        using (response)
        {
            Judge(response, target);
        }
    }

    private static void Judge(HttpResponseMessage response, string target)
    {
        var code = (int)response.StatusCode;
        if (code is >= 200 and < 300)
        {
            return;
        }

        var reason = $"POST {ErrorText.MaskUrl(target)}: HTTP {code} {ErrorText.Short(response.ReasonPhrase ?? "", 100)}".TrimEnd();
        var retryable = code is 408 or 425 or 429 or >= 500 or < 400;
        throw new DeliveryFailedException(
            code is >= 300 and < 400 ? reason + " (redirects are not followed)" : reason, permanent: !retryable, retryAfter: RetryAfter(response));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > DateTimeOffset.UtcNow => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
