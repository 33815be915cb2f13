using System.Text.Json;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// Turns POST /search into a <see cref="SearchFaces"/>: a multipart body with the file <c>photo</c>, or a
/// JSON body with <c>descriptor</c>, <c>eventId</c> or <c>faceId</c>; the other parameters in the body or
/// the query string (the body wins). Exactly one source, else 400.
/// </summary>
internal static class SearchRequestReader
{
    public const string PhotoField = "photo";
    private const int MaxJsonBytes = 64 * 1024;
    private static readonly string[] Sources = ["photo", "descriptor", "eventId", "faceId"];

    public static async Task<SearchFaces> ReadAsync(HttpRequest request, long maxPhotoBytes, CancellationToken cancellationToken)
    {
        var values = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        byte[]? photo = null;
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type);
        var media = type?.MediaType.Value;
        if (string.Equals(media, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await FormFiles.ReadFormAsync(request, PhotoField, maxPhotoBytes, cancellationToken);
            foreach (var field in form)
            {
                values[field.Key] = field.Value.ToString();
            }

            photo = form.Files.GetFile(PhotoField) is null ? null : await FormFiles.ReadFileAsync(form, PhotoField, maxPhotoBytes, cancellationToken);
        }
        else if (string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (name, value) in await ReadJsonAsync(request, cancellationToken))
            {
                values[name] = value;
            }
        }
        else if (request.ContentLength > 0 || media is not null)
        {
            throw new UnsupportedContentTypeException(PhotoField, "Send multipart/form-data with the photo in a part named photo, or application/json with descriptor, eventId or faceId.");
        }

        var parameters = new SearchParameters(values);
        parameters.RefuseUnknown();
        var given = Sources.Where(s => s == PhotoField ? photo is not null : parameters.Has(s)).ToList();
        if (given.Count != 1)
        {
            throw SearchParameters.Invalid(given.Count == 0 ? "photo" : given[1], given.Count == 0
                ? "Give one of: photo (multipart file), descriptor (base64), eventId or faceId."
                : $"Give only one of photo, descriptor, eventId and faceId, not {string.Join(" and ", given)}.");
        }

        SearchSource source = given[0] switch
        {
            PhotoField => new SearchSource.Photo(photo!, parameters.Int("faceIndex")),
            "descriptor" => new SearchSource.Descriptor(DescriptorCodec.TryParseBase64(parameters.Text("descriptor"), out var error) ?? throw SearchParameters.Invalid("descriptor", error!)),
            "eventId" => new SearchSource.Event(parameters.Id("eventId")!.Value),
            _ => new SearchSource.Face(parameters.Id("faceId")!.Value),
        };
        if (source is not SearchSource.Photo && parameters.Has("faceIndex"))
        {
            throw SearchParameters.Invalid("faceIndex", "faceIndex picks a face of a photo; this search has no photo.");
        }

        return new SearchFaces(
            source,
            parameters.Target(),
            parameters.Int("limit") ?? SearchFaces.DefaultLimit,
            parameters.Number("threshold") ?? 0,
            parameters.Filter());
    }

    /// <summary>The body's top-level properties as text; a nested value or a body that is not an object is refused.</summary>
    private static async Task<Dictionary<string, string>> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            throw new ContentTooLargeException("body", $"A JSON search is at most {MaxJsonBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes)
            {
                throw new ContentTooLargeException("body", $"A JSON search is at most {MaxJsonBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw SearchParameters.Invalid("body", "The body must be a JSON object.");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                JsonValueKind.Null => "",
                _ => throw SearchParameters.Invalid(property.Name.Length > 40 ? property.Name[..40] : property.Name, $"{property.Name} must be a string, number or boolean."),
            };
        }

        return values;
    }
}
