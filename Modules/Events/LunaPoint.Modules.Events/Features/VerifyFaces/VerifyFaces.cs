using System.Numerics.Tensors;
using LunaPoint.Modules.Events.Matching;
using Mediator;

namespace LunaPoint.Modules.Events.Features;

/// <summary>1:1: are the largest faces of two photos the same person?</summary>
/// <param name="Threshold">Similarity at which they match; <see cref="Similarity.DefaultThreshold"/> when null.</param>
internal sealed record VerifyFaces(byte[] Photo1, byte[] Photo2, double? Threshold) : IQuery<VerifyResult>;

internal sealed record VerifyResult(double Similarity, bool Match, double Threshold);

internal sealed class VerifyFacesHandler(ISender sender) : IQueryHandler<VerifyFaces, VerifyResult>
{
    public async ValueTask<VerifyResult> Handle(VerifyFaces query, CancellationToken cancellationToken)
    {
        var first = await PhotoDescriptors.LargestAsync(sender, query.Photo1, "photo1", null, cancellationToken);
        var second = await PhotoDescriptors.LargestAsync(sender, query.Photo2, "photo2", null, cancellationToken);
        var similarity = Similarity.Round(Similarity.FromCosine(TensorPrimitives.Dot(first.Descriptor, second.Descriptor)));
        var threshold = query.Threshold ?? Similarity.DefaultThreshold;
        return new VerifyResult(similarity, similarity >= threshold, threshold);
    }
}
