using FluentValidation;
using FluentValidation.Results;

namespace LunaPoint.Modules.Streams.Features;

internal static class StreamRequestValidation
{
    /// <summary>Validates every request and throws once with all failures, each named by its place in the list.</summary>
    public static async Task ValidateAllAsync(
        this IValidator<StreamRequest> validator, IReadOnlyList<StreamRequest> streams, string? prefix, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < streams.Count; i++)
        {
            var result = await validator.ValidateAsync(streams[i], cancellationToken);
            failures.AddRange(result.Errors.Select(e => prefix is null ? e : new ValidationFailure($"{prefix}[{i}].{e.PropertyName}", e.ErrorMessage)));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
