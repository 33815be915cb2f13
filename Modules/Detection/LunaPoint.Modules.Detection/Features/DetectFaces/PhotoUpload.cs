using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>
/// Reads the photo of a request: the multipart field <c>image</c>, or a raw image body. Never holds more
/// than <see cref="PhotoOptions.MaxBytes"/> + 1 bytes: a body that declares more is refused before it is
/// read, one that sends more is refused when it passes the limit.
/// </summary>
internal static class PhotoUpload
{
    public static readonly string[] RawTypes = ["image/jpeg", "image/png", "image/webp", "image/bmp"];

    // Multipart adds boundaries and part headers around the photo.
    private const long MultipartOverhead = 64 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request, PhotoOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadBodyAsync(request, options, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's cap, met while reading.
            throw TooLarge(options);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, PhotoOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxBytes + MultipartOverhead)
        {
            throw TooLarge(options);
        }

        // Kestrel's own cap (30 MB by default) must not be what refuses a body the setting allows.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBytes + MultipartOverhead;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType.Value is not { } media)
        {
            throw new UnsupportedContentTypeException(PhotoDecoder.Field, "Send the photo as multipart/form-data (field image) or as an image/jpeg, image/png, image/webp or image/bmp body.");
        }

        if (media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadPartAsync(request, options, cancellationToken);
        }

        if (RawTypes.Contains(media, StringComparer.OrdinalIgnoreCase))
        {
            return await ReadLimitedAsync(request.Body, options, cancellationToken);
        }

        throw new UnsupportedContentTypeException(PhotoDecoder.Field, $"A {media} body is not a photo: send image/jpeg, image/png, image/webp, image/bmp or multipart/form-data.");
    }

    /// <remarks>
    /// The host's text guard has usually read the form already (it checks every form field for NUL), so
    /// the form is taken from the request, not re-parsed; the form reader keeps a part over 64 KB in a
    /// temporary file, and the body is capped by Kestrel's request limit before that.
    /// </remarks>
    private static async Task<byte[]> ReadPartAsync(HttpRequest request, PhotoOptions options, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new UnprocessableContentException(PhotoDecoder.Field, "The multipart body is malformed or cut short.");
        }

        var file = form.Files.GetFile(PhotoDecoder.Field)
            ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(PhotoDecoder.Field, "image is required: send the photo as a file part named image.")]);
        if (file.Length > options.MaxBytes)
        {
            throw TooLarge(options);
        }

        await using var stream = file.OpenReadStream();
        return await ReadLimitedAsync(stream, options, cancellationToken);
    }

    private static Task<byte[]> ReadLimitedAsync(Stream body, PhotoOptions options, CancellationToken cancellationToken) =>
        LunaPoint.SharedKernel.Http.FormFiles.ReadCappedAsync(body, PhotoDecoder.Field, options.MaxBytes, cancellationToken);

    private static ContentTooLargeException TooLarge(PhotoOptions options) =>
        new(PhotoDecoder.Field, $"The photo is larger than {options.MaxBytes} bytes.");
}
