using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Events.Search;

/// <summary>Requests and answer checks the search and archive tests share.</summary>
internal static class SearchHttp
{
    public static MultipartFormDataContent PhotoForm(byte[] photo, string field = "photo", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, field + ".img");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage response, LunaPointFactory factory)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text} {factory.Logs.Lines.LastOrDefault(l => l.Exception is not null)?.Exception}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Asserts a problem+json refusal with <paramref name="status"/> whose errors name <paramref name="field"/>.</summary>
    public static async Task AssertRefusedAsync(this HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error named {field}: {text}");
    }

    public static Task<HttpResponseMessage> SearchJsonAsync(this HttpClient client, object body, string query = "") =>
        client.PostAsJsonAsync("/api/v1/search" + query, body);

    public static IReadOnlyList<JsonElement> Candidates(this JsonElement answer) => answer.GetProperty("candidates").EnumerateArray().ToList();

    public static string Base64(float[] descriptor) => Convert.ToBase64String(LunaPoint.Modules.Events.Matching.DescriptorCodec.ToBytes(descriptor));
}
