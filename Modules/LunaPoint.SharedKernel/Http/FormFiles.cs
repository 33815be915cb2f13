using FluentValidation;
using FluentValidation.Results;
using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace LunaPoint.SharedKernel.Http;

/// <summary>
/// Reads named file parts of a multipart/form-data request with a size cap per file: a body that declares
/// more than the caps allow is refused before it is read (413), a part over its cap when it passes it, a
/// missing part is a 400 naming the field, a malformed body a 422. Never holds more than cap + 1 bytes of a part.
/// </summary>
public static class FormFiles
{
    // Boundaries, part headers and the small text fields around the files.
    private const long MultipartOverhead = 64 * 1024;

    /// <summary>The form, after checking the content type and capping the body at <paramref name="maxBodyBytes"/>.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, string field, long maxBodyBytes, CancellationToken cancellationToken)
    {
        var cap = maxBodyBytes + MultipartOverhead;
        if (request.ContentLength > cap)
        {
            throw new ContentTooLargeException(field, $"The request is larger than {maxBodyBytes} bytes.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = cap;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedContentTypeException(field, $"Send multipart/form-data with the file in a part named {field}.");
        }

        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ContentTooLargeException(field, $"The request is larger than {maxBodyBytes} bytes.");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new UnprocessableContentException(field, "The multipart body is malformed or cut short.");
        }
    }

    /// <summary>The bytes of the file part <paramref name="field"/>; 400 when it is missing, 413 past <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadFileAsync(IFormCollection form, string field, long maxBytes, CancellationToken cancellationToken)
    {
        var file = form.Files.GetFile(field)
            ?? throw new ValidationException([new ValidationFailure(field, $"{field} is required: send the photo as a file part named {field}.")]);
        if (file.Length > maxBytes)
        {
            throw new ContentTooLargeException(field, $"{field} is larger than {maxBytes} bytes.");
        }

        await using var stream = file.OpenReadStream();
        var bytes = await ReadCappedAsync(stream, field, maxBytes, cancellationToken);
        if (bytes.Length == 0)
        {
            throw new ValidationException([new ValidationFailure(field, $"{field} is empty.")]);
        }

        return bytes;
    }

    /// <summary>All of <paramref name="body"/>, refused (413 naming <paramref name="field"/>) as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadCappedAsync(Stream body, string field, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ContentTooLargeException(field, $"{field} is larger than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
