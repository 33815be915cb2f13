using FluentValidation;
using FluentValidation.Results;
using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;

namespace LunaPoint.Modules.Events.Pages.Lists;

/// <summary>A file chosen in a console form, read with the same cap and field names as the REST API.</summary>
internal static class PageFiles
{
    public static async Task<byte[]> ReadAsync(IFormFile? file, string field, long maxBytes, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw new ValidationException([new ValidationFailure(field, $"Choose a {field} file.")]);
        }

        if (file.Length > maxBytes)
        {
            throw new ContentTooLargeException(field, $"The {field} is larger than {maxBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
