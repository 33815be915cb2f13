using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.SharedKernel.Http;
using Microsoft.AspNetCore.Http;

namespace LunaPoint.Modules.Events.Features;

/// <summary>A multipart enrolment form: the photo part and the small text fields beside it.</summary>
internal sealed record PhotoForm(IFormCollection Form, byte[] Photo)
{
    public static async Task<PhotoForm> ReadAsync(HttpRequest request, EnrolmentOptions options, CancellationToken cancellationToken)
    {
        var form = await FormFiles.ReadFormAsync(request, PhotoEnroller.Field, options.MaxPhotoBytes, cancellationToken);
        return new PhotoForm(form, await FormFiles.ReadFileAsync(form, PhotoEnroller.Field, options.MaxPhotoBytes, cancellationToken));
    }

    public string? Text(string field) => Form.TryGetValue(field, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>faceIndex: which face of the photo, 0 = the largest; absent = the largest.</summary>
    public int? FaceIndex => Text("faceIndex") is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index
        : throw new ValidationException([new ValidationFailure("faceIndex", "faceIndex must be a whole number: 0 for the largest face, 1 for the next, ...")]);
}
