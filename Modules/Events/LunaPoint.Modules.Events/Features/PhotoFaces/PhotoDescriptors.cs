using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.SharedKernel.Errors;
using Mediator;

namespace LunaPoint.Modules.Events.Features;

/// <summary>A face of a photo and its descriptor, through Detection's photo query.</summary>
internal sealed record PhotoFace(float[] Descriptor, FaceBox Box, int FacesFound);

internal static class PhotoDescriptors
{
    /// <summary>
    /// The descriptor of the largest face (or the <paramref name="faceIndex"/>-th, largest first) of a photo.
    /// Detection's refusals name its own field (<c>image</c>); they are said again naming <paramref name="field"/>,
    /// the field this request sent the photo in. No face → 422.
    /// </summary>
    public static async Task<PhotoFace> LargestAsync(ISender sender, byte[] photo, string field, int? faceIndex, CancellationToken cancellationToken)
    {
        FaceDetectionResult result;
        try
        {
            result = await sender.Send(new DetectFaces(photo, WithDescriptors: true), cancellationToken);
        }
        catch (UnprocessableContentException ex)
        {
            throw new UnprocessableContentException(field, Rename(ex.Message, field));
        }
        catch (ContentTooLargeException ex)
        {
            throw new ContentTooLargeException(field, Rename(ex.Message, field));
        }
        catch (UnsupportedContentTypeException ex)
        {
            throw new UnsupportedContentTypeException(field, Rename(ex.Message, field));
        }
        catch (ValidationException ex)
        {
            throw new ValidationException(ex.Errors.Select(e => new ValidationFailure(field, Rename(e.ErrorMessage, field))).ToList());
        }

        if (result.Faces.Count == 0)
        {
            throw new UnprocessableContentException(field, $"No face was found in {field}.");
        }

        var index = faceIndex ?? 0;
        if (index >= result.Faces.Count)
        {
            throw new ValidationException([new ValidationFailure("faceIndex", $"faceIndex must be less than {result.Faces.Count}: {field} has {result.Faces.Count} face(s) (largest first, from 0).")]);
        }

        var face = result.Faces[index];
        return new PhotoFace(face.Descriptor!, face.Box, result.FacesFound);
    }

    private static string Rename(string message, string field) =>
        message.Replace("image is", field + " is", StringComparison.Ordinal).Replace("The photo", field, StringComparison.Ordinal);
}
