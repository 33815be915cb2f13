using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Streams.Data;
using Mediator;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>JSON merge patch (RFC 7396) of the stream as <see cref="StreamRequest"/> writes it.</summary>
internal sealed record PatchStream(Guid Id, JsonObject Patch) : ICommand<StreamDto>;

internal sealed class PatchStreamHandler(StreamsDbContext db, ISender sender) : ICommandHandler<PatchStream, StreamDto>
{
    public async ValueTask<StreamDto> Handle(PatchStream command, CancellationToken cancellationToken)
    {
        var stream = await db.ReadStreamAsync(command.Id, cancellationToken);
        var current = JsonSerializer.SerializeToNode(StreamMapping.ToRequest(stream), StreamMapping.Json)!.AsObject();
        MergePatch(current, command.Patch);
        StreamRequest? merged;
        try
        {
            merged = current.Deserialize<StreamRequest>(StreamMapping.Json);
        }
        catch (JsonException ex)
        {
            // The serializer's own message names our internal types: say it in the caller's words.
            var field = string.IsNullOrEmpty(ex.Path?.TrimStart('$', '.')) ? "body" : ex.Path!.TrimStart('$', '.');
            var unknown = ex.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal);
            throw new ValidationException([new ValidationFailure(field, unknown ? $"{field} is not a known property (check its spelling)." : $"{field} has the wrong type or format.")]);
        }

        return await sender.Send(new UpdateStream(command.Id, merged!), cancellationToken);
    }

    /// <summary>RFC 7396: null removes, objects merge, anything else replaces.</summary>
    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            var name = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                MergePatch(targetObject, patchObject);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
