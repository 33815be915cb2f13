using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.SharedKernel.Errors;
using Mediator;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>The face an enrolment photo gives: its descriptor, quality and a JPEG crop to keep.</summary>
internal sealed record EnrolledPhoto(float[] Descriptor, string Model, double Quality, byte[] CropJpeg);

/// <summary>
/// Turns an enrolment photo into one face through Detection's photo query: no face is a 422 naming
/// <c>photo</c>; of several, the largest unless <c>faceIndex</c> (0 = largest) picks another. Detection's
/// refusals name its own field (image); here they name <c>photo</c>, the field the client sent.
/// </summary>
internal sealed class PhotoEnroller(ISender sender)
{
    public const string Field = "photo";

    public async Task<EnrolledPhoto> AnalyseAsync(byte[] photo, int? faceIndex, CancellationToken cancellationToken)
    {
        if (faceIndex < 0)
        {
            throw Invalid("faceIndex", "faceIndex must be 0 (the largest face) or more.");
        }

        FaceDetectionResult result;
        try
        {
            result = await sender.Send(new DetectFaces(photo, WithDescriptors: true) { WithCrops = true }, cancellationToken);
        }
        catch (ContentTooLargeException ex)
        {
            throw new ContentTooLargeException(Field, ex.Message);
        }
        catch (UnprocessableContentException ex)
        {
            throw new UnprocessableContentException(Field, ex.Message);
        }
        catch (UnsupportedContentTypeException ex)
        {
            throw new UnsupportedContentTypeException(Field, ex.Message);
        }
        catch (ValidationException ex)
        {
            throw new ValidationException(ex.Errors.Select(e => new ValidationFailure(Field, e.ErrorMessage.Replace("image", Field, StringComparison.Ordinal))));
        }

        if (result.Faces.Count == 0)
        {
            throw new UnprocessableContentException(Field, "No face was found in the photo: send a photo where the face is clearly visible.");
        }

        var index = faceIndex ?? 0;
        if (index >= result.Faces.Count)
        {
            throw Invalid("faceIndex", $"faceIndex must be between 0 and {result.Faces.Count - 1}: the photo has {result.Faces.Count} face(s), largest first.");
        }

        var face = result.Faces[index];
        return new EnrolledPhoto(face.Descriptor!, face.DescriptorModel ?? Matching.DescriptorCodec.Model, face.Quality, face.CropJpeg!);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
