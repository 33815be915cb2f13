using LunaPoint.SharedKernel.Errors;

namespace LunaPoint.Host.ErrorHandling;

/// <summary>
/// Refuses U+0000 in the path (so in every route value), in every query parameter and in every form field,
/// before any endpoint or page sees it: PostgreSQL cannot store it, and no name, search or value of ours
/// means anything with it. JSON bodies are checked while they are read (<see cref="JsonBodyGuard"/>).
/// </summary>
internal static class RequestTextGuard
{
    public const string RefusedItem = "LunaPoint.RefusedText";

    public static IApplicationBuilder UseRequestTextGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (await FindRefusedAsync(context) is { } name)
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await context.WriteValidationProblemAsync(name, $"{name} {JsonBodyGuard.NulMessage}");
                    return;
                }

                // The console answers with its status page, which reads this to say what was wrong.
                context.Items[RefusedItem] = name;
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            await next(context);
        });

    private static async Task<string?> FindRefusedAsync(HttpContext context)
    {
        var request = context.Request;
        if (HasNul(request.Path.Value) || HasNul(request.PathBase.Value))
        {
            return "path";
        }

        foreach (var (key, values) in request.Query)
        {
            if (HasNul(key) || values.Any(HasNul))
            {
                return Printable(key);
            }
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                && !context.RequestAborted.IsCancellationRequested)
            {
                // (Kestrel's body cap, met by a chunked body with no length, stays a 413.)
                // A multipart body cut short or malformed is the client's error, not a 500.
                throw new BadHttpRequestException("The form body is malformed or cut short.", StatusCodes.Status400BadRequest, ex);
            }

            // A form's names are body bytes (a photo posted as application/x-www-form-urlencoded, curl's
            // default, is all "names"): a refusal never hands them back.
            if (form.Any(field => HasNul(field.Key) || field.Value.Any(HasNul)))
            {
                return "a form field";
            }

            if (form.Files.Any(f => HasNul(f.FileName) || HasNul(f.Name)))
            {
                return "file name";
            }
        }

        return null;
    }

    private static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    // The name goes back to the client: only a plain name (letters, digits, _ - . [ ]) is echoed, never the
    // refused character itself, nor a huge or odd name.
    private static string Printable(string name)
    {
        var clean = name.Replace("\0", "", StringComparison.Ordinal);
        return clean.Length is 0 or > 100 || !clean.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '[' or ']')
            ? "a parameter"
            : clean;
    }
}
