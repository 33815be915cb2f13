using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Http;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// POST /lists/{id}/faces/bulk: multipart <c>archive</c> (zip) and optional <c>people</c> (CSV), or the zip
/// alone as an application/zip body. The archive is copied to a temporary file (deleted when done) and
/// read entry by entry from there; never the whole archive in memory.
/// </summary>
internal static class BulkEnrolFacesEndpoint
{
    public const string ArchiveField = "archive";

    public static void Map(RouteGroupBuilder lists) =>
        lists.MapPost("/{id:guid}/faces/bulk", async (Guid id, HttpRequest request, ISender sender, IOptions<EnrolmentOptions> options, CancellationToken ct) =>
            {
                var settings = options.Value;
                await using var archive = TemporaryFile();
                var people = PeopleCsv.Empty;
                if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("application/zip", StringComparison.OrdinalIgnoreCase))
                {
                    if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                    {
                        limit.MaxRequestBodySize = settings.MaxArchiveBytes;
                    }

                    await CopyCappedAsync(request.Body, archive, settings.MaxArchiveBytes, ArchiveField, ct);
                }
                else
                {
                    var form = await FormFiles.ReadFormAsync(request, ArchiveField, settings.MaxArchiveBytes + settings.MaxCsvBytes, ct);
                    var file = form.Files.GetFile(ArchiveField)
                        ?? throw new ValidationException([new ValidationFailure(ArchiveField, "archive is required: send the zip as a file part named archive.")]);
                    await using (var part = file.OpenReadStream())
                    {
                        await CopyCappedAsync(part, archive, settings.MaxArchiveBytes, ArchiveField, ct);
                    }

                    if (form.Files.GetFile("people") is { } csv)
                    {
                        await using var csvStream = csv.OpenReadStream();
                        using var csvCopy = new MemoryStream();
                        await CopyCappedAsync(csvStream, csvCopy, settings.MaxCsvBytes, "people", ct);
                        people = PeopleCsv.Parse(System.Text.Encoding.UTF8.GetString(csvCopy.ToArray()));
                    }
                }

                archive.Position = 0;
                return TypedResults.Ok(await sender.Send(new BulkEnrolFaces(id, archive, people), ct));
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .Produces<BulkReport>()
            .WithSummary("Enrol faces from a zip of photos named by person (Name_Surname.jpg, Name_Surname_2.jpg = a second photo), multipart archive + optional people CSV "
                + "(file,name,externalId) or an application/zip body; answers a report per file")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), $"lunapoint-bulk-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static async Task CopyCappedAsync(Stream from, Stream to, long max, string field, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        try
        {
            while ((read = await from.ReadAsync(chunk, cancellationToken)) > 0)
            {
                total += read;
                if (total > max)
                {
                    throw new ContentTooLargeException(field, $"{field} is larger than {max} bytes.");
                }

                await to.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ContentTooLargeException(field, $"{field} is larger than {max} bytes.");
        }

        if (total == 0)
        {
            throw new ValidationException([new ValidationFailure(field, $"{field} is empty.")]);
        }
    }
}
