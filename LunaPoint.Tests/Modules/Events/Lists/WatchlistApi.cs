using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Events.Lists;

/// <summary>The watchlist REST calls the tests make, over real HTTP with an administrator's token.</summary>
public sealed class WatchlistApi(HttpClient client, WatchlistHostFixture fixture)
{
    public HttpClient Client => client;

    public static byte[] Photo(string name) => File.ReadAllBytes(RepoPaths.Media(name));

    public async Task<JsonElement> CreateListAsync(string name, object? extra = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/lists", extra ?? new { name });
        return await ExpectAsync(response, HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> PostFaceAsync(string listId, string? name, byte[]? photo, string? faceIndex = null, string photoName = "photo.jpg", string? userData = null)
    {
        var form = new MultipartFormDataContent();
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        form.Add(new StringContent("ext-" + name), "externalId");
        if (userData is not null)
        {
            form.Add(new StringContent(userData), "userData");
        }

        if (faceIndex is not null)
        {
            form.Add(new StringContent(faceIndex), "faceIndex");
        }

        if (photo is not null)
        {
            var part = new ByteArrayContent(photo);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "photo", photoName);
        }

        return client.PostAsync($"/api/v1/lists/{listId}/faces", form);
    }

    public async Task<JsonElement> EnrolAsync(string listId, string name, string media = "astronaut.png")
    {
        using var response = await PostFaceAsync(listId, name, Photo(media));
        return await ExpectAsync(response, HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> ImportAsync(string listId, string ndjson) =>
        client.PostAsync($"/api/v1/lists/{listId}/faces/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));

    public Task<HttpResponseMessage> BulkAsync(string listId, byte[] zip, string? csv = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(zip), "archive", "people.zip" } };
        if (csv is not null)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "people", "people.csv");
        }

        return client.PostAsync($"/api/v1/lists/{listId}/faces/bulk", form);
    }

    /// <summary>Installs a licence with this many faces (and largeLists or not).</summary>
    public async Task LicenseAsync(long maxFaces, bool largeLists = false)
    {
        var document = new LicenseDocument("Watchlist Tests", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1), 4, maxFaces, false, false, false, largeLists);
        using var response = await client.PutAsJsonAsync("/api/v1/license", LicenseSigner.Sign(document, fixture.PrivateKeyPem));
        await ExpectAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Deletes every list (and so every face, each being in one list in these tests).</summary>
    public async Task DeleteAllListsAsync()
    {
        var lists = await ExpectAsync(await client.GetAsync("/api/v1/lists?pageSize=500"), HttpStatusCode.OK);
        foreach (var list in lists.GetProperty("items").EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/lists/{list.GetProperty("id").GetString()}")).StatusCode);
        }
    }

    /// <summary>A line of the import: base64 of 512 little-endian floats (random, a different person each seed).</summary>
    public static string DescriptorBase64(int seed, int length = 512)
    {
        var random = new Random(seed);
        var bytes = new byte[length * 4];
        for (var i = 0; i < length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), (float)(random.NextDouble() - 0.5));
        }

        return Convert.ToBase64String(bytes);
    }

    public static string Line(string name, int seed) => JsonSerializer.Serialize(new { name, externalId = $"x-{seed}", descriptor = DescriptorBase64(seed) });

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The problem's field errors include <paramref name="field"/>.</summary>
    public static async Task<JsonElement> ExpectFieldAsync(HttpResponseMessage response, HttpStatusCode expected, string field)
    {
        var body = await ExpectAsync(response, expected);
        Assert.True(body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"expected an error naming {field}: {body}");
        return body;
    }
}
